// The baseline of the import-time budget: a bundle holding only the DynamoDB document client, built
// the way the handler is. Import time of a handler minus this one is the cost of our own code.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }), {
  marshallOptions: { removeUndefinedValues: true },
})
