// These tests talk to a real DynamoDB Local; on a loaded 2-core CI machine a table creation can
// take longer than jest's 5 s default. A generous limit keeps them honest without flaking.
jest.setTimeout(30_000)
