import Foundation
import Regua

/// What a command accepts: its options, flags and positional arguments, and its help text.
struct CommandSpec {
  var name: String
  var usageLine: String
  /// Options that take a value (`--invoice PATH`), without the dashes.
  var options: [String] = []
  /// Options that may be repeated.
  var repeatable: [String] = []
  /// Flags (`--json`), without the dashes; `help` is always accepted.
  var flags: [String] = []
  var minimumPositionals = 0
  var maximumPositionals = Int.max
  var help: String

  /// What the command's positional arguments are, from its usage line: `FILE, the rule file`, or
  /// `PATH: a rule file, a directory of them, or \`-\``.
  var positionalDescription: String {
    let words = usageLine.split(separator: " ").dropFirst(3)
    guard
      let word = words.first(where: { $0.first?.isUppercase == true && $0.allSatisfy { $0.isUppercase || $0 == "." } })
    else { return "argument" }
    switch word.replacingOccurrences(of: ".", with: "") {
    case "FILE": return "FILE: the rule file"
    case "PATH": return "PATH: a rule file, a directory of them, or `-` for standard input"
    default: return "`\(word)`"
    }
  }

  /// The command's lines in the overview (`regua --help`): a synopsis and what it does, each.
  var overview: [(synopsis: String, summary: String)] = []
}

/// A usage error: exit code 2.
struct UsageError: Error {
  var message: String
}

/// A command line split into positionals, options and flags according to a ``CommandSpec``.
struct Arguments {
  private(set) var positionals: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []

  init(_ arguments: [String], spec: CommandSpec) throws {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
        if argument.hasPrefix("-"), argument != "-", !onlyPositionals, argument.count > 1 {
          throw UsageError(message: "unknown option `\(SafeText.excerpt(argument))`")
        }
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if name == "help" || spec.flags.contains(name) {
        guard inlineValue == nil else { throw UsageError(message: "`--\(name)` takes no value") }
        flags.insert(name)
      } else if spec.options.contains(name) {
        guard let value = inlineValue ?? (index < arguments.count ? arguments[index] : nil) else {
          throw UsageError(message: "`--\(name)` needs a value")
        }
        if inlineValue == nil { index += 1 }
        if values[name] != nil, !spec.repeatable.contains(name) {
          throw UsageError(message: "`--\(name)` is given twice")
        }
        values[name, default: []].append(value)
      } else {
        let guess = Suggestions.closest(to: name, among: spec.options + spec.flags + ["help"])
        throw UsageError(
          message: "unknown option `--\(SafeText.excerpt(name))`" + (guess.map { "; did you mean `--\($0)`?" } ?? ""))
      }
    }
    if flags.contains("help") { return }
    if positionals.count < spec.minimumPositionals {
      throw UsageError(message: "missing \(spec.positionalDescription)")
    }
    if positionals.count > spec.maximumPositionals {
      throw UsageError(message: "unexpected argument `\(SafeText.excerpt(positionals[spec.maximumPositionals]))`")
    }
  }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func value(_ name: String) -> String? { values[name]?.last }

  func allValues(_ name: String) -> [String] { values[name] ?? [] }

  func required(_ name: String) throws -> String {
    guard let value = value(name) else { throw UsageError(message: "missing `--\(name)`") }
    return value
  }
}
