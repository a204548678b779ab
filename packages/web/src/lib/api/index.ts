export { api, ApiError, request } from './client';
export { endpoints } from './endpoints';
export { describeError } from './describe-error';
