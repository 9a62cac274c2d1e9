import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Logger } from '../log.js';

/** The app's Fastify instance type (its logger is our pino logger), for the modules that install parts of it. */
export type EndpointFastify = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;
