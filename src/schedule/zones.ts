// Zones offered in the time-zone picker: where most of the site's readers live, west to east.
// Any other IANA zone still works through ?tz= and through the browser's own zone.

/** A zone with the city people know it by. */
export interface ZoneChoice {
  zone: string;
  label: string;
}

export const COMMON_ZONES: ZoneChoice[] = [
  { zone: 'Pacific/Honolulu', label: 'Honolulu' },
  { zone: 'America/Anchorage', label: 'Anchorage' },
  { zone: 'America/Los_Angeles', label: 'Los Angeles, Vancouver' },
  { zone: 'America/Denver', label: 'Denver' },
  { zone: 'America/Phoenix', label: 'Phoenix' },
  { zone: 'America/Chicago', label: 'Chicago' },
  { zone: 'America/Mexico_City', label: 'Mexico City' },
  { zone: 'America/New_York', label: 'New York, Toronto' },
  { zone: 'America/Bogota', label: 'Bogotá, Lima' },
  { zone: 'America/Sao_Paulo', label: 'São Paulo' },
  { zone: 'America/Argentina/Buenos_Aires', label: 'Buenos Aires' },
  { zone: 'UTC', label: 'UTC' },
  { zone: 'Europe/London', label: 'London, Dublin' },
  { zone: 'Europe/Paris', label: 'Paris, Berlin, Madrid' },
  { zone: 'Africa/Lagos', label: 'Lagos' },
  { zone: 'Africa/Cairo', label: 'Cairo' },
  { zone: 'Africa/Johannesburg', label: 'Johannesburg' },
  { zone: 'Europe/Istanbul', label: 'Istanbul' },
  { zone: 'Europe/Moscow', label: 'Moscow' },
  { zone: 'Asia/Dubai', label: 'Dubai' },
  { zone: 'Asia/Kolkata', label: 'India' },
  { zone: 'Asia/Bangkok', label: 'Bangkok, Jakarta' },
  { zone: 'Asia/Singapore', label: 'Singapore, Kuala Lumpur' },
  { zone: 'Asia/Manila', label: 'Manila' },
  { zone: 'Asia/Shanghai', label: 'Beijing, Taipei' },
  { zone: 'Asia/Seoul', label: 'Seoul' },
  { zone: 'Asia/Tokyo', label: 'Tokyo' },
  { zone: 'Australia/Perth', label: 'Perth' },
  { zone: 'Australia/Sydney', label: 'Sydney, Melbourne' },
  { zone: 'Pacific/Auckland', label: 'Auckland' },
];
