import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export type DocClient = DynamoDBDocumentClient

export interface DocClientOptions {
  /** DynamoDB Local's URL. When given, region 'local' and dummy credentials are used. */
  endpoint?: string
  region?: string
}

export function createDocClient(opts: DocClientOptions = {}): DocClient {
  const client = opts.endpoint
    ? new DynamoDBClient({
        endpoint: opts.endpoint,
        region: opts.region ?? 'local',
        // DynamoDB Local keeps one database per access key + region unless -sharedDb; fixed dummy
        // values make every process (server, seed CLI, tests) see the same tables.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
    : new DynamoDBClient({ region: opts.region })
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  })
}
