// Phrase banks for bench/generate.mjs: the words a synthetic macro library is built from.
// Kept as plain data so the generator stays a small engine; changing any text here changes the corpus,
// so bump GENERATOR_VERSION in generate.mjs when you edit this file.
//
// Templates use {slot} markers. Topic slots ({item}, {action}, {problem}, ...) come from the macro's topic;
// shared slots ({day}, {duration}, {team}) come from SHARED_SLOTS below.

/** One Markdown subfolder per category; each topic is one kind of macro an agent would keep. */
export const CATEGORIES = {
  billing: [
    { title: 'Refund approved', item: 'refund', problem: 'the double charge', action: 'check your bank statement', guide: 'refunds', steps: ['Open **Account** > **Billing**.', 'Select **Payment history**.', 'Find the charge dated {day}.', 'Click **Request refund** and confirm.'] },
    { title: 'Card declined', item: 'payment', problem: 'the declined card', action: 'update your card details', guide: 'payment-methods', steps: ['Sign in and open **Billing**.', 'Select **Payment methods**.', 'Click **Add card** and enter the new details.', 'Set it as the default card.', 'Retry the payment from the banner at the top.'] },
    { title: 'Invoice request', item: 'invoice', problem: 'the missing VAT number', action: 'add your VAT number', guide: 'invoices', steps: ['Open **Billing** > **Invoices**.', 'Click the invoice for {day}.', 'Select **Download PDF**.'] },
    { title: 'Plan downgrade', item: 'plan change', problem: 'the price of the Pro plan', action: 'choose the new plan before renewal', guide: 'change-plan', steps: ['Go to **Settings** > **Subscription**.', 'Click **Change plan**.', 'Pick the plan that suits you.', 'Confirm the change.'] },
    { title: 'Unexpected charge', item: 'charge', problem: 'the charge you did not recognise', action: 'cancel the trial before it ended', guide: 'billing-faq', steps: ['Open **Billing** > **Payment history**.', 'Compare the reference with your statement.', 'Reply here with the last four digits of the card.'] },
  ],
  shipping: [
    { title: 'Order running late', item: 'order', problem: 'the delay', action: 'check the tracking link', guide: 'delivery-times', steps: ['Open the tracking link in your confirmation email.', 'Check the latest scan.', 'If it has not moved for three days, reply here.'] },
    { title: 'Wrong address', item: 'parcel', problem: 'the wrong delivery address', action: 'double-check the address at checkout', guide: 'change-address', steps: ['Open **Orders** and select the order.', 'Click **Edit delivery details**.', 'Enter the correct address.', 'Save the changes.'] },
    { title: 'Parcel marked delivered', item: 'parcel', problem: 'the missing parcel', action: 'look around your property', guide: 'missing-parcel', steps: ['Check with your neighbours.', 'Look in any safe place such as a porch or bin store.', 'Wait 24 hours, as some couriers scan early.', 'Reply here so I can open a claim.'] },
    { title: 'Customs fees', item: 'delivery', problem: 'the customs charge', action: 'read the duties notice at checkout', guide: 'customs', steps: ['Find the customs letter from the courier.', 'Take a photo of it.', 'Send it to us by replying here.'] },
  ],
  account: [
    { title: 'Password reset', item: 'account', problem: 'the locked account', action: 'use the reset link within an hour', guide: 'reset-password', steps: ['Go to the sign-in page.', 'Click **Forgot password?**.', 'Enter the email address on your account.', 'Open the link we send you.', 'Choose a new password.'] },
    { title: 'Two-factor lost phone', item: 'sign-in', problem: 'the lost phone', action: 'save your backup codes', guide: 'two-factor', steps: ['Open the sign-in page.', 'Click **Use a backup code**.', 'Enter one of your saved codes.', 'Set up two-factor again on your new phone.'] },
    { title: 'Email change', item: 'email address', problem: 'the old email address', action: 'confirm the new address', guide: 'change-email', steps: ['Open **Settings** > **Profile**.', 'Click **Change email**.', 'Enter the new address.', 'Confirm it from the email we send.'] },
    { title: 'Account deletion', item: 'account', problem: 'the deletion request', action: 'export your data first', guide: 'delete-account', steps: ['Open **Settings** > **Privacy**.', 'Click **Export my data**.', 'When the export is ready, click **Delete account**.'] },
  ],
  returns: [
    { title: 'Return label', item: 'return', problem: 'the missing return label', action: 'print the label from your account', guide: 'returns', steps: ['Open **Orders** and select the order.', 'Click **Return items**.', 'Choose the items and a reason.', 'Print the label and attach it to the box.'] },
    { title: 'Damaged item', item: 'item', problem: 'the damaged item', action: 'send photos of the damage', guide: 'damaged-items', steps: ['Take a photo of the item.', 'Take a photo of the box and the label.', 'Reply here with both photos attached.'] },
    { title: 'Exchange size', item: 'exchange', problem: 'the wrong size', action: 'check the size guide', guide: 'exchanges', steps: ['Open **Orders** and select the order.', 'Click **Exchange**.', 'Pick the new size.', 'Send the original back with the label we email you.'] },
  ],
  technical: [
    { title: 'App keeps crashing', item: 'app', problem: 'the crash', action: 'update the app to the latest version', guide: 'troubleshooting', steps: ['Close the app completely.', 'Update it from the app store.', 'Restart your phone.', 'Open the app and sign in again.'] },
    { title: 'Sync not working', item: 'sync', problem: 'the sync error', action: 'sign out and back in', guide: 'sync', steps: ['Open **Settings** > **Sync**.', 'Click **Sync now**.', 'If the error stays, click **Reset sync**.'] },
    { title: 'Outage update', item: 'service', problem: 'the outage', action: 'check the status page', guide: 'status', steps: ['Open our status page.', 'Click **Subscribe to updates**.', 'Enter your email address.'] },
    { title: 'Integration setup', item: 'integration', problem: 'the failed connection', action: 'reconnect the integration', guide: 'integrations', steps: ['Open **Settings** > **Integrations**.', 'Find the integration and click **Disconnect**.', 'Click **Connect** and sign in again.', 'Approve the permissions it asks for.'] },
  ],
  general: [
    { title: 'Feature request', item: 'idea', problem: 'the missing feature', action: 'vote for it on our roadmap', guide: 'roadmap', steps: ['Open our public roadmap.', 'Search for the feature.', 'Click **Vote** to follow it.'] },
    { title: 'Feedback thank you', item: 'feedback', problem: 'the confusing screen', action: 'tell us more about it', guide: 'feedback', steps: ['Open the app.', 'Tap your profile picture.', 'Select **Send feedback**.'] },
    { title: 'Opening hours', item: 'question', problem: 'the wait for an answer', action: 'use live chat during opening hours', guide: 'contact-us', steps: ['Open our help centre.', 'Click **Contact us**.', 'Choose chat, email or phone.'] },
  ],
};

/** Values for slots that any template may use. */
export const SHARED_SLOTS = {
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'the 3rd', 'the 14th', 'the 28th'],
  duration: ['24 hours', 'two working days', '3–5 working days', 'a week', 'the end of the day'],
  team: ['our billing team', 'our warehouse', 'the engineering team', 'our payments team', 'the courier', 'my team lead'],
};

/** Zendesk placeholders: most macro libraries greet the requester and sign as the agent. */
export const PLACEHOLDERS = {
  name: '{{ticket.requester.first_name}}',
  agent: '{{current_user.first_name}}',
  ticketId: '{{ticket.id}}',
  orgName: '{{ticket.organization.name}}',
};

export const GREETINGS = ['Hi {name},', 'Hello {name},', 'Hi {name},', 'Dear {name},', 'Hey {name}!', 'Good morning {name},', 'Hi there,'];

/** Openers that acknowledge the customer first (the kind wording). */
export const OPENERS = [
  'Thank you for letting us know about {problem}.',
  "I'm sorry about {problem}; I know how frustrating that is.",
  'Thanks for getting in touch, and for your patience while I looked into this.',
  "I'm really sorry you've had to deal with {problem}.",
  'Thanks for the detail in your message; it made this much quicker to look into.',
  'I can see why {problem} would be worrying, so let me explain what happened.',
  'Thank you for reaching out about your {item}.',
];

/** Explanation sentences: the middle of a macro. */
export const EXPLANATIONS = [
  "I've checked your {item} and can see what went wrong.",
  "I've spoken to {team}, and they have confirmed the next steps.",
  'This usually takes {duration}, and I will keep an eye on it for you.',
  "I've added a note to ticket {ticketId} so anyone on the team can pick it up.",
  'The change will show in your account within {duration}.',
  "I've passed {problem} on to {team} so it doesn't happen again.",
  'Everything else on your account looks fine, so there is nothing more you need to do there.',
  'We sent a confirmation e-mail on {day}, which may have landed in your spam folder.',
  "I've made a note on your account about {problem} in case you contact us again.",
  'The quickest way forward is to {action}, and I can help with that.',
  'Your {item} is now with {team}, and I expect an update by {day}.',
  'Other customers have seen the same thing this week, so you are not alone.',
  'If it is easier, I can make the change for you; just say the word.',
];

/** Next steps and closings. */
export const CLOSINGS = [
  "I'll check on it again on {day} and write to you either way.",
  'If anything still looks wrong after {duration}, reply here and I will look again.',
  'Let me know if there is anything else I can help with.',
  "Reply to this e-mail if you'd like me to {action} for you.",
  "I'll follow up by {day} with an update from {team}.",
  'You can reply here at any time; it comes straight back to me.',
];

export const SIGN_OFFS = ['Best,', 'Best wishes,', 'Thanks,', 'Kind regards,', 'Warm wishes,', 'Speak soon,', 'Cheers,'];

export const STEP_INTROS = ['Here is how to do it:', 'These steps should sort it out:', 'To {action}:', "Here's what to do next:"];

export const LINK_SENTENCES = [
  'You can read more in [our guide to {guideName}](https://help.example.com/hc/en-us/articles/{articleId}-{guide}).',
  'There is a short walkthrough on [our help centre](https://help.example.com/hc/en-us/articles/{articleId}).',
  'The full details are here: https://help.example.com/hc/en-us/articles/{articleId}-{guide}',
  'See [{guideName}](https://help.example.com/hc/en-us/articles/{articleId}) for screenshots.',
];

/** Wording the rules exist for: blame, robotic, minimizing and negative phrasing. */
export const PROBLEM_SENTENCES = {
  blame: [
    'It looks like you forgot to {action}.',
    'As per my last email, you need to {action}.',
    "You didn't {action}, which is why this happened.",
    'You should have read the instructions before ordering.',
    'As I already explained, you have to {action}.',
    'You failed to {action} in time.',
  ],
  robotic: [
    'Please be advised that your request has been received.',
    'We apologize for any inconvenience this may have caused.',
    'Your ticket has been logged and will be processed in due course.',
    'Kindly note that this is in line with our policy.',
    'Thank you for contacting customer support.',
    'Per our terms of service, no exceptions can be made.',
  ],
  minimizing: [
    'Simply {action} and it will work.',
    "Just {action}; it's easy.",
    'This is a quick fix that only takes a second.',
    'Obviously, you will need to {action} first.',
    "It's really simple: {action}.",
  ],
  negative: [
    'Unfortunately, we cannot do anything about {problem}.',
    "Unfortunately, there's nothing we can do until {day}.",
    "We can't help with {problem} until you {action}.",
    'Unfortunately, {team} has not replied yet.',
  ],
};

/** Front matter fields some teams keep at the top of each macro file. */
export const FRONT_MATTER_TAGS = ['billing', 'urgent', 'tier-1', 'tier-2', 'vip', 'follow-up', 'escalation', 'self-serve'];
