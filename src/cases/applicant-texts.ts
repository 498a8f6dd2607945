// What a process tells its applicants beyond its model (a pack gives them: ProcessPack.applicantTexts;
// src/cases/service-guide.ts has the generic defaults): i18n keys of the pack's messages.

export interface ApplicantTexts {
  /** Who may apply (the start page). */
  audience?: string;
  /** The end page after a completed case: its heading, and the text of what to do next. */
  completedTitle?: string;
  completedText?: string;
  /** How to log in to each system the last step names (field `sistem`): system -> i18n key. */
  systemLogin?: Readonly<Record<string, string>>;
}
