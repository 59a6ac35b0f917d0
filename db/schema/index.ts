export * from "./enums";
export * from "./accounts";
export * from "./audit";
export * from "./consultation";
export * from "./plans";
export * from "./review";
export * from "./approval";
export * from "./plan-data";
