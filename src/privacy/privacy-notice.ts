// The privacy notice shown at sign-up (UU 27/2022). Changing its text means a new version: the
// version each applicant acknowledged is stored on their account.
export const PRIVACY_NOTICE_VERSION = '2026-11';

export const PRIVACY_SECTIONS = ['controller', 'purpose', 'data', 'basis', 'retention', 'rights', 'contact'] as const;
