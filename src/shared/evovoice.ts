// Evo Voice wire types, from the vendor's reference pages in shared/api/reference/.
//
// Every field is optional: ServiceStack leaves null fields out of its JSON. Enumerations are
// string unions that also admit names this build does not know yet (servers add values);
// `isKnown` tells the two apart where it matters.

/** A name the server sent that is not (yet) in our list: kept, never thrown away. */
export type Open<T extends string> = T | (string & { readonly __unknownEnumName?: never });

export const SESSION_CALL_STATES = ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'] as const;
export const SESSION_DIAL_STATES = ['None', 'Active'] as const;
export const SESSION_QUEUE_STATES = ['None', 'Queued', 'Ringing', 'Connected', 'Hold', 'Disconnected'] as const;
export const SESSION_HOLD_REASONS = ['None', 'Transferring'] as const;
export const SESSION_DIRECTIONS = ['Incoming', 'Outgoing'] as const;
export const FLOW_CHANNELS = ['Voice', 'Chat', 'Fax'] as const;
export const SESSION_MEMBER_CALL_STATES = ['None', 'Ringing', 'Connected', 'Hold'] as const;
export const SESSION_MEMBER_ROLES = ['None', 'Caller', 'Agent', 'Transfer'] as const;
export const SORT_ORDERS = ['Ascend', 'Descend'] as const;
export const FILE_TYPES = ['Upload', 'VoiceMessage', 'CallRecording', 'Fax', 'Attachment', 'FaxOutgoing'] as const;
export const MESSAGE_DIRECTIONS = ['Incoming', 'Outgoing'] as const;

export type SessionCallState = (typeof SESSION_CALL_STATES)[number];
export type SessionDialState = (typeof SESSION_DIAL_STATES)[number];
export type SessionQueueState = (typeof SESSION_QUEUE_STATES)[number];
export type SessionHoldReason = (typeof SESSION_HOLD_REASONS)[number];
export type SessionDirection = (typeof SESSION_DIRECTIONS)[number];
export type FlowChannel = (typeof FLOW_CHANNELS)[number];
export type SessionMemberCallState = (typeof SESSION_MEMBER_CALL_STATES)[number];
export type SessionMemberRole = (typeof SESSION_MEMBER_ROLES)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
export type FileType = (typeof FILE_TYPES)[number];
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export function isKnown<T extends string>(values: readonly T[], name: string | undefined): name is T {
  return name !== undefined && (values as readonly string[]).includes(name);
}

export interface EntityInfo {
  id?: string;
  dateCreated?: string;
  dateLastModified?: string;
  createdBy?: string;
  lastModifiedBy?: string;
}

export interface CustomerBreadcrumb {
  id?: string;
  name?: string;
}

export interface SessionLogInfo {
  date?: string;
  message?: string;
}

export interface SessionMemberInfo {
  identity?: string;
  endpointId?: string;
  displayName?: string;
  isOriginalMember?: boolean;
  avatarUrl?: string;
  applicationData?: Record<string, string>;
  callState?: Open<SessionMemberCallState>;
  role?: Open<SessionMemberRole>;
  callSid?: string;
  muted?: boolean;
}

export interface SessionInfo extends EntityInfo {
  dialState?: Open<SessionDialState>;
  callState?: Open<SessionCallState>;
  queueState?: Open<SessionQueueState>;
  accountId?: string;
  accountName?: string;
  customerId?: string;
  customerBreadcrumb?: CustomerBreadcrumb[];
  customerName?: string;
  endpointId?: string;
  endpointName?: string;
  dateCompleted?: string;
  destination?: string;
  toAddress?: string;
  fromAddress?: string;
  fromName?: string;
  answeredByName?: string;
  queueMemberId?: string;
  channel?: Open<FlowChannel>;
  ended?: boolean;
  outcome?: string;
  callSid?: string;
  consoleData?: string;
  holdQueueName?: string;
  heldByUserId?: string;
  holdReason?: Open<SessionHoldReason>;
  conferenceSid?: string;
  displayName?: string;
  log?: SessionLogInfo[];
  members?: SessionMemberInfo[];
  callbackNumber?: string;
  answeredById?: string;
  direction?: Open<SessionDirection>;
  fromPhoneNumber?: string;
  mostRecentParticipantCallSid?: string;
  wasMissed?: boolean;
  ringQueueId?: string;
}

export interface ListResponse<T> {
  items?: T[];
  totalCount?: number;
  totalPages?: number;
  hasMorePages?: boolean;
}

export interface MessageInfo {
  id?: string;
  accountId?: string;
  customerId?: string;
  endpointId?: string;
  endpointDisplayName?: string;
  date?: string;
  direction?: Open<MessageDirection>;
  otherAddress?: string;
  sender?: string;
  text?: string;
  isUnread?: boolean;
}

export interface ConversationInfo {
  id?: string;
  endpointId?: string;
  otherAddress?: string;
  mostRecentMessage?: MessageInfo;
}

export interface AppHomeCallMetric {
  metricKey?: string;
  total?: number;
  average?: number;
}

export interface FileInfo extends EntityInfo {
  type?: Open<FileType>;
  accountId?: string;
  accountName?: string;
  customerId?: string;
  customerName?: string;
  customerBreadcrumb?: CustomerBreadcrumb[];
  userId?: string;
  userName?: string;
  fileName?: string;
  uri?: string;
  contentType?: string;
  contentLength?: number;
  recordingSid?: string;
  recordingDuration?: number;
  recordingFrom?: string;
  transcription?: string;
  fromAddress?: string;
  toAddress?: string;
  aiTranscription?: string;
}

export interface HostedSuiteCompletedFormField {
  name?: string;
  values?: string[];
}

export interface HostedSuiteCompletedForm {
  id?: string;
  name?: string;
  dateCreated?: string;
  dateCompleted?: string;
  formId?: string;
  formName?: string;
  clientId?: string;
  clientName?: string;
  contactId?: string;
  contactName?: string;
  contactsIds?: string[];
  contactsNames?: string[];
  emailSubject?: string;
  callerNumber?: string;
  fields?: HostedSuiteCompletedFormField[];
}

export interface AppHomeResponse {
  isHostedSuiteCustomer?: boolean;
  conversations?: ConversationInfo[];
  calls?: SessionInfo[];
  callMetrics?: AppHomeCallMetric[];
  voicemail?: FileInfo[];
  forms?: HostedSuiteCompletedForm[];
}

/** ServiceStack's error envelope. */
export interface ResponseError {
  errorCode?: string;
  fieldName?: string;
  message?: string;
}
export interface ResponseStatus {
  errorCode?: string;
  message?: string;
  stackTrace?: string;
  errors?: ResponseError[];
}

/** `POST /auth/credentials` body and answer. */
export interface AuthenticateRequest {
  provider: 'credentials';
  userName: string;
  password: string;
  rememberMe?: boolean;
}
export interface AuthenticateResponse {
  userId?: string;
  userName?: string;
  displayName?: string;
  sessionId?: string;
  responseStatus?: ResponseStatus;
}

/** `GET /auth/status` (Evo Voice specific; see API-NOTES.md). */
export interface AuthStatusResponse {
  userId?: string;
  userName?: string;
  displayName?: string;
  accountIds?: string[];
  accountNames?: string[];
}

/** Paging fields every list request shares (`ListRequest<T>`). Page counts from 0. */
export interface ListRequest {
  page?: number;
  all?: boolean;
  countPerPage?: number;
  specificIds?: string[];
  sortField?: string;
  sortOrder?: Open<SortOrder>;
  simplifiedPaging?: boolean;
}

export interface GetSessionsRequest extends ListRequest {
  accountIds?: string[];
  searchArchive?: boolean;
  /** YYYY-MM-DD */
  startDate?: string;
  /** YYYY-MM-DD */
  endDate?: string;
  customerIds?: string[];
  endpointIds?: string[];
  from?: string;
  to?: string;
  log?: string;
  parentSessionId?: string;
}

export interface PatchSessionRequest {
  sessionId: string;
  consoleData?: string;
  callState?: Open<SessionCallState>;
  holdReason?: Open<SessionHoldReason>;
  queueState?: Open<SessionQueueState>;
}

export interface GetActivityRequest extends ListRequest {
  accountId?: string;
  customerId?: string;
  fromAddressFilter?: string;
  toAddressFilter?: string;
  startDateTime?: string;
  endDateTime?: string;
}

export interface GetCallHistoryRequest extends ListRequest {
  accountId?: string;
  customerId?: string;
}

export interface GetPortalHomeRequest {
  accountId?: string;
  customerId?: string;
  fromDate?: string;
}
