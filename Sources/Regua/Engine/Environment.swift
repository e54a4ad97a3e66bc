/// What an evaluation may consult besides the cadence and the invoice: business calendars now,
/// rate tables and other host-supplied data as they land.
///
/// An environment is a plain value, read and never written by the engine, so evaluations stay
/// pure: the same cadence, invoice, date and environment always give the same plan.
///
/// ```swift
/// let brazil = BusinessCalendar(weekend: [.saturday, .sunday], holidays: holidays)
/// let evaluator = Evaluator(cadence, environment: Environment(calendars: ["BR": brazil]))
/// ```
public struct Environment: Sendable, Hashable {
  /// The environment every evaluation uses unless told otherwise. Its calendars move no date:
  /// a cadence's `calendar` is recorded, and shifts nothing, until built-in calendars land.
  public static let standard = Environment()

  /// Business calendars by the name a cadence's `calendar` line gives.
  public private(set) var calendars: [String: BusinessCalendar]

  /// Creates an environment.
  ///
  /// - Parameter calendars: Business calendars by name; a cadence naming a calendar that is not
  ///   here uses ``BusinessCalendar/none``.
  public init(calendars: [String: BusinessCalendar] = [:]) {
    self.calendars = calendars
  }

  /// The calendar a cadence names, ``BusinessCalendar/none`` when it names none or one this
  /// environment does not have.
  public func calendar(named name: String?) -> BusinessCalendar {
    name.flatMap { calendars[$0] } ?? .none
  }
}
