extension Instant: CustomStringConvertible, LosslessStringConvertible {
  /// Parses `YYYY-MM-DDTHH:MM:SSZ` — an ISO-8601 date and time in UTC, to the second, with an
  /// upper-case `T` and `Z` — and nothing else.
  ///
  /// Rejects other shapes (fractions, offsets such as `+00:00`, a lower-case `z`, a missing
  /// `Z`), days that do not exist, hours past 23, minutes or seconds past 59 (a leap second
  /// `:60` is not an instant POSIX time can name).
  ///
  /// ```swift
  /// Instant("2026-03-08T12:00:00Z")        // 2026-03-08T12:00:00Z
  /// Instant("2026-03-08T12:00:00+00:00")   // nil
  /// Instant("2026-03-08 12:00:00Z")        // nil
  /// ```
  public init?(_ description: String) {
    let bytes = Array(description.utf8.prefix(21))
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
      let hour = Instant.twoDigits(bytes[11], bytes[12]), hour <= 23,
      let minute = Instant.twoDigits(bytes[14], bytes[15]), minute <= 59,
      let second = Instant.twoDigits(bytes[17], bytes[18]), second <= 59
    else { return nil }
    self.init(utc: date, secondOfDay: hour * 3600 + minute * 60 + second)
  }

  /// The instant as `YYYY-MM-DDTHH:MM:SSZ`, in UTC: `2026-03-09T12:00:00Z`.
  ///
  /// An instant outside the years 0001–9999 (which no window computes) has its date written in
  /// ISO 8601's expanded form, as ``CivilDate/description`` writes it.
  public var description: String {
    let second = utcSecondOfDay
    return utcDate.description + "T" + LocalTime.twoDigits(second / 3600) + ":"
      + LocalTime.twoDigits(second / 60 % 60) + ":" + LocalTime.twoDigits(second % 60) + "Z"
  }

  private static func twoDigits(_ tens: UInt8, _ units: UInt8) -> Int? {
    let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
    guard digits.contains(tens), digits.contains(units) else { return nil }
    return Int(tens - UInt8(ascii: "0")) * 10 + Int(units - UInt8(ascii: "0"))
  }
}
