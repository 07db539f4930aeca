/**
 * The astronomy the lunar calendar needs, from Jean Meeus, *Astronomical Algorithms* (2nd ed.):
 * true new moons (ch. 49), the Sun's apparent longitude (ch. 25, low precision, ≈0.01°), and ΔT
 * (Espenak & Meeus polynomials). Times are Julian Ephemeris Days unless named UT.
 */

const RAD = Math.PI / 180

/** sin of an angle in degrees. */
function sind(deg: number): number {
  return Math.sin((deg % 360) * RAD)
}

/**
 * Julian Ephemeris Day of the true new moon number `k` (k = 0 is the new moon of 6 January 2000;
 * integers only). Meeus ch. 49, with all periodic and planetary terms: accurate to seconds.
 *
 * @example
 * newMoonJde(-283) // 1977 Feb 18, 03:37:42 TD (Meeus ex. 49.a)
 * //=> 2443192.65118…
 */
export function newMoonJde(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const T4 = T3 * T
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4
  const E = 1 - 0.002516 * T - 0.0000074 * T2
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3
  jde +=
    -0.4072 * sind(Mp) +
    0.17241 * E * sind(M) +
    0.01608 * sind(2 * Mp) +
    0.01039 * sind(2 * F) +
    0.00739 * E * sind(Mp - M) -
    0.00514 * E * sind(Mp + M) +
    0.00208 * E * E * sind(2 * M) -
    0.00111 * sind(Mp - 2 * F) -
    0.00057 * sind(Mp + 2 * F) +
    0.00056 * E * sind(2 * Mp + M) -
    0.00042 * sind(3 * Mp) +
    0.00042 * E * sind(M + 2 * F) +
    0.00038 * E * sind(M - 2 * F) -
    0.00024 * E * sind(2 * Mp - M) -
    0.00017 * sind(Om) -
    0.00007 * sind(Mp + 2 * M) +
    0.00004 * sind(2 * Mp - 2 * F) +
    0.00004 * sind(3 * M) +
    0.00003 * sind(Mp + M - 2 * F) +
    0.00003 * sind(2 * Mp + 2 * F) -
    0.00003 * sind(Mp + M + 2 * F) +
    0.00003 * sind(Mp - M + 2 * F) -
    0.00002 * sind(Mp - M - 2 * F) -
    0.00002 * sind(3 * Mp + M) +
    0.00002 * sind(4 * Mp)
  // Planetary arguments A1–A14.
  jde +=
    0.000325 * sind(299.77 + 0.107408 * k - 0.009173 * T2) +
    0.000165 * sind(251.88 + 0.016321 * k) +
    0.000164 * sind(251.83 + 26.651886 * k) +
    0.000126 * sind(349.42 + 36.412478 * k) +
    0.00011 * sind(84.66 + 18.206239 * k) +
    0.000062 * sind(141.74 + 53.303771 * k) +
    0.00006 * sind(207.14 + 2.453732 * k) +
    0.000056 * sind(154.84 + 7.30686 * k) +
    0.000047 * sind(34.52 + 27.261239 * k) +
    0.000042 * sind(207.19 + 0.121824 * k) +
    0.00004 * sind(291.34 + 1.844379 * k) +
    0.000037 * sind(161.72 + 24.198154 * k) +
    0.000035 * sind(239.56 + 25.513099 * k) +
    0.000023 * sind(331.55 + 3.592518 * k)
  return jde
}

/**
 * The Sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day
 * (Meeus ch. 25, low-precision method with nutation and aberration, ≈0.01°).
 *
 * @example
 * sunLongitude(2448908.5) // 1992 Oct 13.0 TD (Meeus ex. 25.a)
 * //=> 199.909…
 */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545.0) / 36525
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T
  const C = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sind(M) + (0.019993 - 0.000101 * T) * sind(2 * M) + 0.000289 * sind(3 * M)
  const omega = 125.04 - 1934.136 * T
  const lambda = L0 + C - 0.00569 - 0.00478 * sind(omega)
  return ((lambda % 360) + 360) % 360
}

/**
 * ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus, *Five Millennium Canon*, 2006).
 *
 * @example
 * Math.round(deltaT(2000)) //=> 64
 */
export function deltaT(year: number): number {
  if (year >= 2050) return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year)
  if (year >= 2005) {
    const t = year - 2000
    return 62.92 + 0.32217 * t + 0.005589 * t * t
  }
  if (year >= 1986) {
    const t = year - 2000
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5
  }
  if (year >= 1961) {
    const t = year - 1975
    return 45.45 + 1.067 * t - (t * t) / 260 - t ** 3 / 718
  }
  if (year >= 1941) {
    const t = year - 1950
    return 29.07 + 0.407 * t - (t * t) / 233 + t ** 3 / 2547
  }
  if (year >= 1920) {
    const t = year - 1920
    return 21.2 + 0.84493 * t - 0.0761 * t * t + 0.0020936 * t ** 3
  }
  if (year >= 1900) {
    const t = year - 1900
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t ** 3 - 0.000197 * t ** 4
  }
  if (year >= 1860) {
    const t = year - 1860
    return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2
}

/** Decimal year of a Julian Day (close enough for ΔT). */
function decimalYear(jd: number): number {
  return 2000 + (jd - 2451545.0) / 365.25
}

/** Converts a Julian Ephemeris Day to a Julian Day in UT. */
export function jdeToJdUt(jde: number): number {
  return jde - deltaT(decimalYear(jde)) / 86400
}

/** Converts a Julian Day in UT to a Julian Ephemeris Day. */
export function jdUtToJde(jd: number): number {
  return jd + deltaT(decimalYear(jd)) / 86400
}
