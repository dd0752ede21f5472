/* The words of the e-mails about a person's own account. */

/** The link to set a new password: what it is for, how long it lasts, and what to do if unasked. */
/** `council` is named when the address has an account in more than one: each gets its own link. */
export function passwordResetMessage(name: string, link: string, council?: string) {
  return {
    subject: council ? `Set a new password for Wesaid at ${council}` : 'Set a new password for Wesaid',
    text: [
      `Dear ${name},`,
      '',
      `Someone asked to set a new password for your Wesaid account${council ? ` at ${council}` : ''}. If it was you, use this link within 1 hour:`,
      '',
      link,
      '',
      'The link works once. Setting a new password signs you out everywhere you are signed in.',
      '',
      'If you did not ask, you can ignore this e-mail: your password has not changed.',
    ].join('\n'),
  };
}
