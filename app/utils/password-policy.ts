export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "same_as_username" | "too_simple";

/** Length counted in code points, so 10 Chinese characters are a 10-character password. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  if (username && password.toLowerCase().includes(username.toLowerCase()) && length - username.length <= 4) return "same_as_username";
  if (new Set(password).size < 4) return "too_simple";
  return null;
}
