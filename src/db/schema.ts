export * from '../modules/organisations/organisations.table.js';
export * from '../modules/events/events.table.js';
export * from '../modules/booking/booking.table.js';
