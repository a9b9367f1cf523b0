/**
 * Unusable input: a file that cannot be read or parsed, or that is not a CloudFormation template /
 * cloud assembly. The CLI maps this to exit code 2; the message always says what and where.
 */
export class InputError extends Error {
  constructor(
    /** The file or directory at fault. */
    readonly where: string,
    /** What is wrong and how to fix it. */
    readonly what: string,
  ) {
    super(`${where}: ${what}`);
    this.name = 'InputError';
  }
}
