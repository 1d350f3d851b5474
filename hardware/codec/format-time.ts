/** dd/MM/yyyy HH:mm in the center's zone: a ticket printed near midnight must show the local day, not UTC's. */
export { formatLocalDateTime as formatDateTime } from '../../protocol/local-time';
