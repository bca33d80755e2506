/** Limits shared by server validation and client forms, so both say the same thing. */
export const limits = {
  bodyBytes: 1_048_576,
  nameLength: 200,
  notesLength: 10_000,
  passwordMin: 10,
  passwordMax: 256,
  usernameMin: 3,
  usernameMax: 64,
  pageSizeDefault: 50,
  pageSizeMax: 500,
  contactChannelsMax: 20,
  languagesMax: 20,
  inviteDaysDefault: 14,
  inviteDaysMax: 90,
  apiTokenDaysDefault: 90,
  apiTokenDaysMax: 365,
  /** Forms one device access may collect. */
  deviceAccessFormsMax: 100,
} as const;
