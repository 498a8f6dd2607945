// The office that runs this Alur (every SOP of it, so the default names the Setda, not one Biro): its name and logo in the header, its helpdesk in the footer and
// on the services' start pages. Set by ALUR_OFFICE_NAME, ALUR_OFFICE_LOGO, ALUR_HELPDESK (config.ts).
export interface OfficeInfo {
  name: string;
  /** Path of an image this server serves (e.g. /static/office-logo.svg; CSP: same origin only), or null. */
  logo: string | null;
  helpdesk: string;
}

export const OFFICE_DEFAULTS: Readonly<OfficeInfo> = Object.freeze({
  name: 'Sekretariat Daerah Provinsi Kalimantan Barat',
  logo: '/static/office-logo.svg',
  helpdesk: 'Helpdesk Sekretariat Daerah Provinsi Kalimantan Barat, Pontianak',
});

/** A logo path: one absolute same-origin path (no scheme, no `//`, no `..`), or '' for none. */
export const LOGO_PATH = /^(|\/(?!\/)(?!.*\.\.)[A-Za-z0-9._~\/-]+)$/;
