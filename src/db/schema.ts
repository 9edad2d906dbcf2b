export * from '../modules/organisations/organisations.table.js';
export * from '../modules/events/events.table.js';
export * from '../modules/booking/booking.table.js';
export * from '../modules/staff/staff.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/mail/mail.table.js';
export * from '../modules/queue/queue.table.js';
export * from '../plugins/rate-limit.table.js';
