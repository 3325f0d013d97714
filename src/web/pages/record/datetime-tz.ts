/**
 * Date-times are stored in UTC and edited in the user's time zone (their profile's, not the browser's).
 * These convert between an ISO instant and the "YYYY-MM-DDTHH:mm" of <input type="datetime-local">;
 * the server computes the user's days with the same functions.
 */
export { isoToLocalInput, localInputToIso } from '../../../shared/time-zone';
