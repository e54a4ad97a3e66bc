/// Easter Sunday in the Gregorian calendar, from which Carnival, Good Friday and Corpus Christi
/// are counted.
///
/// Computed with the anonymous Gregorian algorithm (Meeus, *Astronomical Algorithms*, ch. 8;
/// Jones 1876, Butcher 1876), which gives the date the Gregorian computus of 1582 defines for
/// every year, not an astronomical approximation:
///
/// ```swift
/// Easter.sunday(in: 2026)   // 2026-04-05
/// Easter.sunday(in: 2200)   // 2200-04-06
/// ```
public enum Easter {
  /// Easter Sunday of `year`, or `nil` outside 1 through 9999 (the years a ``CivilDate`` holds).
  ///
  /// - Parameter year: A year of the proleptic Gregorian calendar.
  /// - Returns: The date of Easter Sunday.
  public static func sunday(in year: Int) -> CivilDate? {
    guard (1...9999).contains(year) else { return nil }
    let (month, day) = monthAndDay(year)
    return CivilDate(year: year, month: month, day: day)
  }

  /// The month (3 or 4) and day of Easter Sunday in `year`, for any positive year.
  static func monthAndDay(_ year: Int) -> (month: Int, day: Int) {
    let a = year % 19  // the year's place in the 19-year lunar (Metonic) cycle
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3  // the lunar correction
    let h = (19 * a + b - d - g + 15) % 30  // the epact: days from 21 March to the paschal full moon
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7  // days from the full moon to the Sunday after it
    let m = (a + 11 * h + 22 * l) / 451
    let n = h + l - 7 * m + 114
    return (n / 31, n % 31 + 1)
  }
}
