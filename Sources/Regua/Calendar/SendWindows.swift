/// A cadence's send windows, combined into the hours each channel may contact a customer.
///
/// The rules (SPEC, "Resolutions: Windows"):
/// - several windows for one channel open as their **union**;
/// - a channel's own windows **replace** the `any` windows for it;
/// - a channel with no window, of its own or `any`, is **unrestricted** (the plan writes
///   `"window": null`).
///
/// ```swift
/// let windows = SendWindows([
///   try SendWindow(channel: nil, from: LocalTime(hour: 8, minute: 0)!, to: LocalTime(hour: 21, minute: 0)!),
///   try SendWindow(channel: .call, from: LocalTime(hour: 9, minute: 0)!, to: LocalTime(hour: 18, minute: 0)!,
///                  days: .mondayToFriday),
/// ])
/// windows.opening(of: .email, on: monday, in: saoPaulo)   // .open(11:00Z..<00:00Z): the `any` window
/// windows.opening(of: .call, on: saturday, in: saoPaulo)  // .closed: its own window replaces `any`
/// SendWindows.none.opening(of: .call, on: saturday, in: saoPaulo)   // .unrestricted
/// ```
///
/// Each channel's ``ChannelWindows`` is combined once, when the value is made; asking for a
/// channel costs a dictionary look-up, and a caller on a hot path can keep the
/// ``windows(for:)`` of each channel it uses.
public struct SendWindows: Sendable, Hashable {
  /// No windows: every channel is unrestricted.
  public static let none = SendWindows([])

  /// The windows, in declaration order.
  public let windows: [SendWindow]
  /// Each channel with windows of its own, combined.
  private let byChannel: [Channel: ChannelWindows]
  /// The `any` windows, combined; `nil` when there are none.
  private let fallback: ChannelWindows?

  /// Combines a cadence's windows.
  ///
  /// - Parameter windows: The windows, in declaration order (which matters only to
  ///   ``windows``).
  public init(_ windows: [SendWindow]) {
    self.windows = windows
    byChannel = Dictionary(grouping: windows.filter { $0.channel != nil }) { $0.channel ?? .email }
      .mapValues(ChannelWindows.init)
    let any = windows.filter { $0.channel == nil }
    fallback = any.isEmpty ? nil : ChannelWindows(any)
  }

  /// Whether there are no windows, so that no channel is restricted.
  public var isEmpty: Bool { windows.isEmpty }

  /// The windows that apply to `channel` — its own, else the `any` ones — or `nil` when none
  /// do and the channel is unrestricted.
  ///
  /// ```swift
  /// windows.windows(for: .letter)?.days   // the `any` windows' days, when there are any
  /// ```
  public func windows(for channel: Channel) -> ChannelWindows? {
    byChannel[channel] ?? fallback
  }

  /// Whether `channel` may contact at some hour on `date`'s weekday: always when it is
  /// unrestricted.
  public func opens(_ channel: Channel, on date: CivilDate) -> Bool {
    windows(for: channel)?.opens(on: date) ?? true
  }

  /// The first date on or after `date` on which `channel` opens: `date` itself when it is
  /// unrestricted, else within the six days after it.
  ///
  /// ```swift
  /// windows.nextOpening(of: .call, onOrAfter: saturday)   // the Monday after
  /// ```
  public func nextOpening(of channel: Channel, onOrAfter date: CivilDate) -> CivilDate {
    windows(for: channel)?.nextOpening(onOrAfter: date) ?? date
  }

  /// When `channel` may contact on `date` in a zone: ``WindowOpening/unrestricted`` when no
  /// window applies, ``WindowOpening/closed`` when none opens that day, else the day's first
  /// opening as UTC instants (see ``ChannelWindows/opening(on:in:)``).
  public func opening(of channel: Channel, on date: CivilDate, in zone: ZoneRules) -> WindowOpening {
    windows(for: channel)?.opening(on: date, in: zone) ?? .unrestricted
  }

  /// Two values are equal when they hold the same windows in the same order.
  public static func == (lhs: SendWindows, rhs: SendWindows) -> Bool { lhs.windows == rhs.windows }

  /// Hashes the windows.
  public func hash(into hasher: inout Hasher) { hasher.combine(windows) }
}
