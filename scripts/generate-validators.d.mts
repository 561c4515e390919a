/** The generated validator modules and their declarations, path from the repository root → text. */
export function generateValidators(): Map<string, string>;
/** Write them into src/. */
export function writeValidators(): void;
