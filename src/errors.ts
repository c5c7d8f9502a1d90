/** A failure of the program itself (bad configuration, bad scheme file), never of a document. */
export class IntakeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = this.constructor.name;
  }
}

export class ConfigError extends IntakeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'CONFIG_INVALID', details);
  }
}

export class SchemeFileError extends IntakeError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`, 'SCHEME_INVALID', { file });
  }
}
