// What the demo seed has made so far and its clock, handed to the parts that seed each county plan.
export interface SeedIds {
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
  now: number;
  today: string;
}
