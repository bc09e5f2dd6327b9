// Errors shaped like Office.js's OfficeExtension.Error: a `code` to branch on plus `debugInfo`.

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidRequestContext'
  | 'InvalidObjectPath'
  | 'RunMustReturnPromise'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'NotImplemented'
  | 'ApiNotFound'
  | 'RangeExceedsLimit';

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}
