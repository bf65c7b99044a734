import type { GridPath, GridTree, HouseholdChoice } from '@anju/shared'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './context'
import { gridKey, householdGsi1Pk } from './keys'
import { queryAll } from './tickets'

export interface BuildingInTree {
  path: Required<Pick<GridPath, 'subdistrictId' | 'communityId' | 'areaId' | 'buildingId'>>
  name: string
  areaName: string
  communityName: string
  location: { lat: number; lng: number }
}

/** Every building of the sub-district's grid tree, in tree order (one GetItem). */
export async function getBuildings(db: Db, subdistrictId: string): Promise<BuildingInTree[]> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: gridKey(subdistrictId),
      ProjectionExpression: '#id, #communities',
      ExpressionAttributeNames: { '#id': 'id', '#communities': 'communities' },
    }),
  )
  const tree = out.Item as Pick<GridTree, 'id' | 'communities'> | undefined
  const buildings: BuildingInTree[] = []
  for (const c of tree?.communities ?? [])
    for (const a of c.areas)
      for (const b of a.buildings)
        buildings.push({
          path: { subdistrictId, communityId: c.id, areaId: a.id, buildingId: b.id },
          name: b.name,
          areaName: a.name,
          communityName: c.name,
          location: b.location,
        })
  return buildings
}

/** A building's households for a picker: id, head's name, unit and room — nothing else (GSI1). */
export async function listHouseholdsOfBuilding(db: Db, path: BuildingInTree['path']): Promise<HouseholdChoice[]> {
  const items = await queryAll(db, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
    ExpressionAttributeValues: {
      ':pk': householdGsi1Pk(path.communityId),
      ':prefix': `${path.areaId}#${path.buildingId}#`,
    },
    ProjectionExpression: '#id, #headName, #address.#unitName, #address.#roomNo',
    ExpressionAttributeNames: {
      '#id': 'id',
      '#headName': 'headName',
      '#address': 'address',
      '#unitName': 'unitName',
      '#roomNo': 'roomNo',
    },
  })
  return items.map((item) => {
    const address = item.address as { unitName: string; roomNo: string }
    return {
      id: item.id as string,
      headName: item.headName as string,
      unitName: address.unitName,
      roomNo: address.roomNo,
    }
  })
}
