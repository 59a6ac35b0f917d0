// The corpus generator's edit scripts work on a text that keeps, for each character, where it came from. Pure.
/** A text whose characters remember their offset in the original text (-1: written by an edit). */
export class TrackedText {
  text: string;
  origin: number[];
  constructor(text: string) {
    this.text = text;
    this.origin = Array.from(text, (_, i) => i);
  }
  insert(at: number, s: string, origin?: number[]) {
    this.text = this.text.slice(0, at) + s + this.text.slice(at);
    this.origin.splice(at, 0, ...(origin ?? new Array<number>(s.length).fill(-1)));
  }
  remove(from: number, to: number): { text: string; origin: number[] } {
    const text = this.text.slice(from, to);
    this.text = this.text.slice(0, from) + this.text.slice(to);
    return { text, origin: this.origin.splice(from, to - from) };
  }
  /** Moves [from, to) so that it starts at `dest` (an offset of the text before the move). */
  move(from: number, to: number, dest: number) {
    const piece = this.remove(from, to);
    const at = dest > from ? dest - (to - from) : dest;
    this.insert(at, piece.text, piece.origin);
  }
  /** Current positions of original offsets [s, e), in order. */
  positionsOf(s: number, e: number): number[] {
    const out: number[] = [];
    this.origin.forEach((o, i) => {
      if (o >= s && o < e) out.push(i);
    });
    return out;
  }
}
