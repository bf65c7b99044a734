import type { JobPosting, JobSeeker } from '../../src'

// Yanchi, and points about 1 km and 20 km east of it (1° of longitude ≈ 99 km at 27.2°N).
export const HOME = { lat: 27.19, lng: 103.55 }
export const kmEast = (km: number) => ({ lat: HOME.lat, lng: HOME.lng + km / 99.02 })

export function posting(patch: Partial<JobPosting> = {}): JobPosting {
  return {
    id: 'P1',
    employer: '菌棒厂',
    title: '叉车司机',
    location: kmEast(1),
    workHours: { start: 8, end: 17 },
    physical: 'moderate',
    skills: ['forklift'],
    minExperienceYears: 1,
    monthlyWage: 5000,
    literacy: 'basic',
    ...patch,
  }
}

export function seeker(patch: Partial<JobSeeker> = {}): JobSeeker {
  return {
    id: 'S1',
    age: 35,
    home: HOME,
    careDuties: [],
    health: 'healthy',
    disability: 'none',
    skills: ['forklift', 'driving'],
    experienceYears: 3,
    expectedWage: 4500,
    literacy: 'basic',
    householdColour: 'green',
    ...patch,
  }
}
