/// A contact channel a customer can prefer or opt out of: a built-in one (`email`, `sms`,
/// `whatsapp`, `call`, `letter`) or a host channel that cadences reach with `notify` (`slack`,
/// `push`).
///
/// Built-in channels are constants; a host channel is declared where it is made, so a typo such
/// as `e-mail` cannot pass for a channel:
///
/// ```swift
/// let customer = Customer(id: "C-1", optOuts: [.sms, try Channel(host: "push")])
/// ```
public struct Channel: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The channel's name, as rule files and documents write it.
  public let name: String

  /// A channel whose name is known to be valid (a compiled cadence's, a built-in one's).
  init(unchecked name: String) { self.name = name }

  /// `email`.
  public static let email = Channel(unchecked: "email")
  /// `sms`.
  public static let sms = Channel(unchecked: "sms")
  /// `whatsapp`.
  public static let whatsapp = Channel(unchecked: "whatsapp")
  /// `call`: phone calls.
  public static let call = Channel(unchecked: "call")
  /// `letter`: paper letters, registered or not.
  public static let letter = Channel(unchecked: "letter")

  /// The built-in channels, in the order the language documents them.
  public static let builtIn: [Channel] = [.email, .sms, .whatsapp, .call, .letter]

  /// The built-in channel with this name, or `nil`.
  public init?(builtIn name: String) {
    guard let channel = Channel.builtIn.first(where: { $0.name == name }) else { return nil }
    self = channel
  }

  /// The channel a checked cadence's step names: the built-in one of that name, else the host
  /// channel (already checked by the compiler).
  init(checkedName name: String) {
    self = Channel(builtIn: name) ?? Channel(unchecked: name)
  }

  /// A host channel, the name a cadence's `notify` step uses: `[a-z][a-z0-9_-]*`, at most
  /// ``Bounds/idBytes`` bytes, and not a built-in channel's name.
  ///
  /// - Throws: ``InputError`` (with an empty path) saying what is wrong with the name.
  public init(host name: String) throws(InputError) {
    if let problem = Channel.problem(hostName: name) { throw InputError(path: "", message: problem) }
    self.name = name
  }

  /// The channel a document names: a built-in one, or one of `hostChannels`; otherwise why not.
  static func named(_ name: String, hostChannels: Set<String>) -> Result<Channel, InputError> {
    if let channel = Channel(builtIn: name) { return .success(channel) }
    if hostChannels.contains(name), Channel.problem(hostName: name) == nil {
      return .success(Channel(unchecked: name))
    }
    var message = "`\(SafeText.excerpt(name))` is not a channel\(LookAlikes.note(name)); expected "
    let candidates = Channel.builtIn.map(\.name) + hostChannels.sorted()
    if let guess = Suggestions.closest(to: name, among: candidates) {
      message =
        "`\(SafeText.excerpt(name))` is not a channel\(LookAlikes.note(name)); did you mean `\(guess)`? The channels are "
    }
    message += candidates.map { "`\($0)`" }.joined(separator: ", ")
    message += hostChannels.isEmpty ? " (or a host channel that the cadence's `notify` steps use)" : ""
    return .failure(InputError(path: "", message: message))
  }

  /// Why `name` cannot be a host channel, or `nil`.
  static func problem(hostName name: String) -> String? {
    if Channel(builtIn: name) != nil { return "`\(name)` is a built-in channel; use `Channel.\(name)`" }
    guard name.utf8.count <= Bounds.idBytes else {
      return "a channel name is at most \(Bounds.idBytes) bytes; this one has \(name.utf8.count)"
    }
    guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
      name.utf8.allSatisfy({ byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
      })
    else {
      return "`\(SafeText.excerpt(name))` is not a channel name; a host channel is lower-case letters, digits, "
        + "`_` and `-`, starting with a letter, as `notify` writes it"
    }
    return nil
  }

  /// The name.
  public var description: String { name }

  /// Orders channels by name.
  public static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.name < rhs.name }
}

extension Channel {
  /// The channel a trusted word names (a test block's `channel call`, a fixture): a built-in
  /// channel, else a host channel; `nil` when the word cannot be a channel.
  init?(word: String) {
    if let channel = Channel(builtIn: word) {
      self = channel
    } else if Channel.problem(hostName: word) == nil {
      self.init(unchecked: word)
    } else {
      return nil
    }
  }
}
