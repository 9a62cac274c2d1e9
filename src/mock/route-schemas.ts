/**
 * The properties each route's rows have, with their types: an unknown property or a mistyped literal
 * is a 400. Which of them a route lets you filter or order by, and how, is DOCUMENTED_QUERIES
 * (src/graph/documented-queries.ts), as strict as Graph's reference.
 */
import type { EntitySchema } from './odata/index.js';

export const USER_REGISTRATION_DETAILS_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.userRegistrationDetails',
  fields: {
    id: 'string',
    userPrincipalName: 'string',
    userDisplayName: 'string',
    userType: 'string',
    isAdmin: 'boolean',
    isSsprRegistered: 'boolean',
    isSsprEnabled: 'boolean',
    isSsprCapable: 'boolean',
    isMfaRegistered: 'boolean',
    isMfaCapable: 'boolean',
    isPasswordlessCapable: 'boolean',
    isSystemPreferredAuthenticationMethodEnabled: 'boolean',
    methodsRegistered: { collection: 'string' },
    systemPreferredAuthenticationMethods: { collection: 'string' },
    userPreferredMethodForSecondaryAuthentication: 'string',
    lastUpdatedDateTime: 'date',
  },
};

export const USER_EVENTS_SUMMARY_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.userEventsSummary',
  fields: {
    id: 'string',
    feature: 'string',
    userPrincipalName: 'string',
    userDisplayName: 'string',
    isSuccess: 'boolean',
    authMethod: 'string',
    failureReason: 'string',
    eventDateTime: 'date',
  },
};

export const USER_REGISTRATION_ACTIVITY_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.userRegistrationActivitySummary',
  fields: {
    id: 'string',
    feature: 'string',
    authMethod: 'string',
    successfulActivityCount: 'number',
    failureActivityCount: 'number',
  },
};

export const USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.userPasswordResetsAndChangesSummary',
  fields: {
    id: 'string',
    aggregatedDateTime: 'date',
    passwordResetsByAdminCount: 'number',
    passwordResetsSelfServiceCount: 'number',
    changePasswordSelfServiceCount: 'number',
  },
};

const USER_IDENTITY: EntitySchema = {
  typeName: 'microsoft.graph.userIdentity',
  fields: { id: 'string', displayName: 'string', userPrincipalName: 'string', ipAddress: 'string' },
};

const APP_IDENTITY: EntitySchema = {
  typeName: 'microsoft.graph.appIdentity',
  fields: { appId: 'string', displayName: 'string', servicePrincipalId: 'string', servicePrincipalName: 'string' },
};

const TARGET_RESOURCE: EntitySchema = {
  typeName: 'microsoft.graph.targetResource',
  fields: { id: 'string', displayName: 'string', type: 'string', userPrincipalName: 'string', groupType: 'string' },
};

const KEY_VALUE: EntitySchema = { typeName: 'microsoft.graph.keyValue', fields: { key: 'string', value: 'string' } };

export const DIRECTORY_AUDIT_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.directoryAudit',
  fields: {
    id: 'string',
    category: 'string',
    correlationId: 'string',
    result: 'string',
    resultReason: 'string',
    activityDisplayName: 'string',
    activityDateTime: 'date',
    loggedByService: 'string',
    operationType: 'string',
    initiatedBy: {
      object: {
        typeName: 'microsoft.graph.auditActivityInitiator',
        fields: { user: { object: USER_IDENTITY }, app: { object: APP_IDENTITY } },
      },
    },
    targetResources: { collection: TARGET_RESOURCE },
    additionalDetails: { collection: KEY_VALUE },
  },
};

export const DIRECTORY_ROLE_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.directoryRole',
  fields: { id: 'string', displayName: 'string', roleTemplateId: 'string' },
};

export const ROLE_MEMBER_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.user',
  fields: { id: 'string', userPrincipalName: 'string', displayName: 'string' },
};
