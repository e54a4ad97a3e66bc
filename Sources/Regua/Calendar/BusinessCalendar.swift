/// Which days are business days: the piece of an ``Environment`` that moves dates.
///
/// A calendar is a pure value: weekdays that are never business days, holidays (found by rule
/// in the built-in calendars, or dated), and dated workdays that are business days whatever the
/// rest says. ``none``, the default, makes every day a business day, so it moves nothing;
/// ``brazil`` (`BR`) and ``unitedStates`` (`US`) are the built-in calendars, and
/// ``adding(holidays:workdays:)`` extends any calendar with a host's own days:
///
/// ```swift
/// let saoPaulo = BusinessCalendar.brazil.adding(
///   holidays: [try CivilDate(parsing: "2026-01-25"): "Aniversário de São Paulo"])
/// saoPaulo.isBusinessDay(try CivilDate(parsing: "2026-04-21"))   // false: Tiradentes
/// saoPaulo.date(byAdding: 1, businessDaysTo: try CivilDate(parsing: "2026-02-13"))
/// // 2026-02-18: Carnival Monday and Tuesday are skipped, Ash Wednesday is a business day
/// ```
///
/// Every calendar indexes its business days from 1900-01-01 through 2200-12-31 when it is
/// made, so ``isBusinessDay(_:)`` and ``date(byAdding:businessDaysTo:)`` cost a bit test and a
/// binary search, with no allocation; outside those years they evaluate the same rules
/// directly, more slowly. Copying a calendar copies one reference.
public struct BusinessCalendar: Sendable, Hashable {
  /// Every day is a business day: nothing moves.
  public static let none = BusinessCalendar(storage: nil)

  /// The calendar's days, shared and never mutated; `nil` for ``none``.
  final class Storage: Sendable {
    /// The built-in calendar's name, when the calendar is exactly that one.
    let name: String?
    /// Weekdays that are not business days.
    let weekend: Set<Weekday>
    /// Bit `n` set when the weekday with ISO number `n + 1` is in ``weekend``.
    let weekendMask: UInt8
    /// The built-in calendar's holiday rules, which adding to the calendar keeps.
    let builtInRules: [HolidayRule]
    /// The host's annual holidays, in month-day order, one per month and day.
    let annual: [AnnualHoliday]
    /// Holidays found by rule: the built-in calendar's, then the annual holidays'.
    let rules: [HolidayRule]
    /// Dated holidays, with their names.
    let holidays: [CivilDate: String]
    /// Days that are business days whatever the rest says.
    let workdays: Set<CivilDate>
    /// The years outside the index that hold a dated holiday or workday: those are walked day
    /// by day when business days are counted directly.
    let exceptionYears: Set<Int>
    /// The business days of 1900–2200.
    let index: BusinessDayIndex

    init(
      name: String?, weekend: Set<Weekday>, rules: [HolidayRule], annual: [AnnualHoliday] = [],
      holidays: [CivilDate: String], workdays: Set<CivilDate>
    ) {
      self.name = name
      self.weekend = weekend
      weekendMask = weekend.reduce(0) { $0 | UInt8(1) << UInt8($1.rawValue - 1) }
      builtInRules = rules
      self.annual = annual
      self.rules = rules + annual.map(\.rule)
      self.holidays = holidays
      self.workdays = workdays
      let outside = { (date: CivilDate) in !BusinessDayIndex.years.contains(date.year) }
      exceptionYears = Set(holidays.keys.filter(outside).map(\.year) + workdays.filter(outside).map(\.year))
      // Observed moves cross New Year, so the years on either side of the index are evaluated too.
      var closed = Array(holidays.keys)
      closed.reserveCapacity(holidays.count + self.rules.count * (BusinessDayIndex.years.count + 2))
      for year in BusinessDayIndex.years.lowerBound - 1...BusinessDayIndex.years.upperBound + 1 {
        for rule in self.rules {
          if let date = rule.observedDate(in: year) { closed.append(date) }
        }
      }
      index = BusinessDayIndex(weekendMask: weekendMask, holidays: closed, workdays: workdays)
    }
  }

  let storage: Storage?

  init(storage: Storage?) {
    self.storage = storage
  }

  /// The built-in calendar this is (`BR`, `US`, or `none`), or `nil` for a calendar a host
  /// made or extended: a host gives those their names in its ``Environment``.
  public var name: String? { storage.map(\.name) ?? "none" }
  /// Weekdays that are not business days (unless listed in ``workdays``).
  public var weekend: Set<Weekday> { storage?.weekend ?? [] }
  /// The dated holidays a host gave (by ``init(weekend:holidays:workdays:)`` or
  /// ``adding(holidays:workdays:)``); the holidays a built-in calendar finds by rule are listed
  /// year by year by ``holidays(in:)``.
  public var holidays: Set<CivilDate> { Set(storage?.holidays.keys ?? [:].keys) }
  /// Days that are business days even on a weekend or a holiday.
  public var workdays: Set<CivilDate> { storage?.workdays ?? [] }
  /// The holidays a host added for every year (by ``adding(annualHolidays:)``), in month-day
  /// order; a built-in calendar's own holidays are listed year by year by ``holidays(in:)``.
  public var annualHolidays: [AnnualHoliday] { storage?.annual ?? [] }

  /// Creates a calendar, or `nil` when `weekend` names all seven days (a calendar needs a
  /// working weekday).
  ///
  /// The holidays get the name `Holiday`; ``adding(holidays:workdays:)`` names them.
  ///
  /// - Parameters:
  ///   - weekend: Weekdays that are not business days; at most six.
  ///   - holidays: Days that are not business days.
  ///   - workdays: Days that are business days whatever the other two say.
  public init?(weekend: Set<Weekday> = [], holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []) {
    guard weekend.count < 7 else { return nil }
    guard !weekend.isEmpty || !holidays.isEmpty || !workdays.isEmpty else {
      self.init(storage: nil)
      return
    }
    self.init(
      storage: Storage(
        name: nil, weekend: weekend, rules: [],
        holidays: Dictionary(uniqueKeysWithValues: holidays.map { ($0, "Holiday") }),
        workdays: workdays))
  }

  /// This calendar with more holidays and workdays: what a rule file's `holiday` and `workday`
  /// lines, or a host's regional calendar, add to a built-in one.
  ///
  /// A holiday added makes its day a non-business day; a workday makes its day a business day
  /// even on a weekend or a holiday (a workday wins over a holiday on the same day). Adding to
  /// an extended calendar keeps what it had; a date added again as a holiday takes the new
  /// name.
  ///
  /// ```swift
  /// let calendar = BusinessCalendar.brazil.adding(
  ///   holidays: [try CivilDate(parsing: "2026-07-09"): "Revolução Constitucionalista"],
  ///   workdays: [try CivilDate(parsing: "2026-06-06")])   // a Saturday worked
  /// ```
  ///
  /// - Parameters:
  ///   - holidays: Days that are not business days, with their names.
  ///   - workdays: Days that are business days whatever else the calendar says.
  /// - Returns: The extended calendar; this one when nothing is added. Its ``name`` is `nil`.
  public func adding(holidays: [CivilDate: String] = [:], workdays: Set<CivilDate> = []) -> BusinessCalendar {
    guard !holidays.isEmpty || !workdays.isEmpty else { return self }
    let base = storage
    return BusinessCalendar(
      storage: Storage(
        name: nil, weekend: base?.weekend ?? [], rules: base?.builtInRules ?? [], annual: base?.annual ?? [],
        holidays: (base?.holidays ?? [:]).merging(holidays) { $1 }, workdays: (base?.workdays ?? []).union(workdays)))
  }

  /// This calendar with holidays that recur every year on the same month and day: a city's
  /// anniversary, a state's date.
  ///
  /// Each makes its day a non-business day in every year it exists (`02-29` in leap years
  /// only), unless a workday opens it; ``holidays(in:)`` lists it with its name. An annual
  /// holiday on a month and day the calendar already has as one replaces it (takes the new
  /// name); the built-in calendar's own holidays are kept, so a day may be both.
  ///
  /// ```swift
  /// let saoPaulo = BusinessCalendar.brazil.adding(annualHolidays: [
  ///   AnnualHoliday(month: 1, day: 25, name: "Aniversário de São Paulo")!,
  ///   AnnualHoliday(month: 7, day: 9, name: "Revolução Constitucionalista")!,
  /// ])
  /// ```
  ///
  /// - Parameter annualHolidays: The holidays; a later one on the same month and day wins.
  /// - Returns: The extended calendar; this one when nothing is added. Its ``name`` is `nil`.
  public func adding(annualHolidays: [AnnualHoliday]) -> BusinessCalendar {
    guard !annualHolidays.isEmpty else { return self }
    let base = storage
    var byDay: [Int: AnnualHoliday] = [:]
    for holiday in (base?.annual ?? []) + annualHolidays { byDay[holiday.month * 32 + holiday.day] = holiday }
    let annual = byDay.sorted { $0.key < $1.key }.map(\.value)
    return BusinessCalendar(
      storage: Storage(
        name: nil, weekend: base?.weekend ?? [], rules: base?.builtInRules ?? [], annual: annual,
        holidays: base?.holidays ?? [:], workdays: base?.workdays ?? []))
  }

  /// Calendars are equal when they have the same days (the same weekend, holiday rules, dated
  /// holidays with their names, and workdays).
  public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
    if lhs.storage === rhs.storage { return true }
    guard let left = lhs.storage, let right = rhs.storage else { return false }
    return (left.weekend, left.rules, left.holidays, left.workdays)
      == (right.weekend, right.rules, right.holidays, right.workdays)
  }

  /// Hashes the days.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(weekend)
    hasher.combine(storage?.rules ?? [])
    hasher.combine(storage?.holidays ?? [:])
    hasher.combine(workdays)
  }

  /// Whether nothing is ever a non-business day, so the calendar moves no date.
  public var movesNothing: Bool {
    storage.map { $0.weekend.isEmpty && $0.holidays.isEmpty && $0.rules.isEmpty } ?? true
  }

  /// Whether `date` is a business day.
  ///
  /// A bit test for 1900–2200; outside those years the rules are evaluated.
  public func isBusinessDay(_ date: CivilDate) -> Bool {
    guard let storage else { return true }
    return storage.isBusinessDay(date.daysSinceEpoch)
  }
}

extension BusinessCalendar.Storage {
  /// Whether the day (days since the epoch) is a business day.
  @inline(__always)
  func isBusinessDay(_ day: Int) -> Bool {
    BusinessDayIndex.contains(day) ? index.isBusinessDay(day) : isBusinessDayByRule(CivilDate(daysSinceEpoch: day))
  }

  /// Whether `date` is a business day, evaluated from the rules (what the index records).
  func isBusinessDayByRule(_ date: CivilDate) -> Bool {
    if workdays.contains(date) { return true }
    if weekendMask & (1 << UInt8(date.weekday.rawValue - 1)) != 0 || holidays[date] != nil { return false }
    let year = date.year
    return !rules.contains { $0.isObserved(on: date, year: year) }
  }
}
