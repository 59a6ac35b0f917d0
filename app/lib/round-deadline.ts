// When a consultation round stops taking writes: its closing time, or when it was closed early.
export interface RoundDeadline {
  closesAt: Date;
  closedEarlyAt: Date | null;
}

export const closesAtOf = (r: RoundDeadline) => r.closedEarlyAt ?? r.closesAt;
export const isRoundOpen = (r: RoundDeadline, now = Date.now()) => closesAtOf(r).getTime() > now;
