import Foundation

/// A Swift file of the library, read for the layering check.
struct LayeringSource {
  /// The file's path under `Sources/Regua`, such as `Engine/Schedule.swift`.
  var path: String
  /// The layer the file belongs to: its top folder under `Sources/Regua`.
  var layer: String
  var tokens: [LayeringToken]

  init(path: String, layer: String, text: String) {
    self.path = path
    self.layer = layer
    self.tokens = LayeringTokenizer.tokens(in: text)
  }
}

/// A name a layer declares where other files can see it.
struct LayeringDeclaration: Equatable {
  /// The declared name.
  var name: String
  /// The type whose body or extension declares it; `nil` at the top level of a file.
  var owner: String?
  var layer: String
  var path: String
  var line: Int
  /// Whether it is a type, a typealias, an enum case or a `static` or `class` member: a member
  /// that `.name` with nothing before the dot can name.
  var isStatic = false
  /// Whether an `extension` declares it.
  var isInExtension = false
  /// Whether it is a function, which a use calls: `.name(` rather than `.name`.
  var isFunction = false

  /// The name as a use would spell it: `Invoice.offsets` for a member, `Invoice` for a type.
  var qualifiedName: String { owner.map { "\($0).\(name)" } ?? name }
}

/// A use of a declaration across a folder edge the layering does not allow.
struct LayeringViolation: Equatable, CustomStringConvertible {
  var path: String
  var line: Int
  var layer: String
  var declaration: LayeringDeclaration

  var description: String {
    "Sources/Regua/\(path):\(line): `\(declaration.qualifiedName)` of \(declaration.layer) "
      + "(Sources/Regua/\(declaration.path):\(declaration.line))"
  }
}

/// Finds, in the tokens of the library's files, every use of a name that one layer declares and
/// another layer's code uses, and keeps the uses whose edge the layering does not allow.
///
/// What it sees as declarations, of every access level but `private` and `fileprivate` (which
/// no other file can name, so a match in another file can only be another thing of that name):
/// - types, protocols and typealiases at a file's top level, and top-level functions and
///   variables;
/// - the members of a type's body or of an `extension`: nested types, typealiases, functions,
///   properties and enum cases, by the type they belong to and the layer of the file that
///   declares them (so a member that an extension in folder X adds to a type of folder Y belongs
///   to X).
///
/// What it sees as uses, in code only (comments and string literal text are not code; the code
/// inside `\(…)` is):
/// - a top-level name: `Invoice`, `evaluate(…)`, `extension Invoice`;
/// - a member named through its type, whichever file declares it: `CadenceValidation.Problem`,
///   `Invoice.offsets(…)`, `ComparisonOperator.less`;
/// - an implicit member, `.less` with no expression before the dot, when it names a nested type,
///   an enum case or a static member that only one layer declares;
/// - a member of a value, `invoice.offsets(…)` or `\.foldingWhitespace`, when an extension of a
///   type of another layer (or of the standard library) declares it and no other layer declares
///   a member of that name.
/// A function counts only where it is called (`.name(`), so that `case .format` of the standard
/// library is not taken for a static `format(…)` of the library.
///
/// What it cannot see, for want of types: a member of a type's own body reached through a value
/// (`plan.actions`) when the type is never named there; a member whose name two layers declare
/// (`description`); `Self.name`; protocol requirements reached through a conformance; operators
/// (`>=` of the condition builder); initialisers and subscripts; a local declaration that
/// shadows another layer's name; and code that a regular expression literal would hide.
struct LayeringChecker {
  /// The folders each folder may use; no more, not even what those may use.
  let edges: [String: Set<String>]

  /// The folders of the edges that lie on a cycle, sorted: empty for a DAG.
  var foldersOnCycles: [String] {
    edges.keys.filter { start in
      var seen: Set<String> = []
      var next = Array(edges[start] ?? [])
      while let folder = next.popLast() {
        if folder == start { return true }
        if seen.insert(folder).inserted { next += edges[folder] ?? [] }
      }
      return false
    }.sorted()
  }

  /// The uses in the sources whose folder edge is not allowed, in file and line order.
  func violations(in sources: [LayeringSource]) -> [LayeringViolation] {
    let index = LayeringIndex(sources)
    var violations: [LayeringViolation] = []
    for source in sources {
      let allowed = edges[source.layer] ?? []
      let declared = index.declarationTokens[source.path] ?? []
      for position in source.tokens.indices where source.tokens[position].kind == .identifier {
        guard !declared.contains(position) else { continue }
        let token = source.tokens[position]
        let candidates = index.candidates(for: position, in: source.tokens)
        guard let first = candidates.first,
          !candidates.contains(where: { $0.layer == source.layer || allowed.contains($0.layer) })
        else { continue }
        violations.append(
          LayeringViolation(path: source.path, line: token.line, layer: source.layer, declaration: first))
      }
    }
    return violations
  }
}

/// The declarations of all the sources, by name.
struct LayeringIndex {
  /// Top-level names.
  private var topLevel: [String: LayeringDeclaration] = [:]
  /// Members by the name of the type they belong to, then by their name.
  private var members: [String: [String: [LayeringDeclaration]]] = [:]
  /// Members by their name alone.
  private var membersNamed: [String: [LayeringDeclaration]] = [:]
  /// What a member's name names without its type, by the name, whether the use calls it, and
  /// whether it is an implicit member (`.name`) or a member of a value (`value.name`).
  private var untyped: [UntypedUse: [LayeringDeclaration]] = [:]

  private struct UntypedUse: Hashable {
    var name: String
    var isCall: Bool
    var isImplicit: Bool
  }

  /// For each file, the positions of the tokens that are declared names, not uses.
  private(set) var declarationTokens: [String: Set<Int>] = [:]

  init(_ sources: [LayeringSource]) {
    for source in sources {
      var positions: Set<Int> = []
      for (position, declaration) in LayeringIndex.declarations(in: source) {
        positions.insert(position)
        guard let declaration else { continue }
        if let owner = declaration.owner {
          members[owner, default: [:]][declaration.name, default: []].append(declaration)
          membersNamed[declaration.name, default: []].append(declaration)
        } else {
          topLevel[declaration.name] = declaration
        }
      }
      declarationTokens[source.path] = positions
    }
    for (name, all) in membersNamed {
      for isCall in [false, true] {
        let named = all.filter { !$0.isFunction || isCall }
        guard Set(named.map(\.layer)).count == 1 else { continue }
        untyped[UntypedUse(name: name, isCall: isCall, isImplicit: true)] = named.filter(\.isStatic)
        untyped[UntypedUse(name: name, isCall: isCall, isImplicit: false)] = named.filter {
          $0.isInExtension && layer(ofType: $0.owner) != $0.layer
        }
      }
    }
  }

  /// Words after which a dot starts an implicit member (`return .none`), not a member of a value.
  private static let keywordsBeforeExpression: Set<String> = [
    "return", "case", "in", "where", "throw", "try", "await", "else", "is", "as", "then", "if", "guard", "while",
    "switch", "repeat", "default",
  ]

  /// The declarations the identifier at a position may name.
  func candidates(for position: Int, in tokens: [LayeringToken]) -> [LayeringDeclaration] {
    let name = tokens[position].text
    guard position > 0, tokens[position - 1].kind == .punctuation, tokens[position - 1].text == "." else {
      // A lower-case top-level name followed by a colon is an argument label, not a use.
      let isLabel = name.first?.isLowercase == true && position + 1 < tokens.count && tokens[position + 1].text == ":"
      return isLabel ? [] : topLevel[name].map { [$0] } ?? []
    }
    let dot = tokens[position - 1]
    let before = position > 1 ? tokens[position - 2] : nil
    if let before, before.kind == .identifier, before.text.first?.isUppercase == true, !dot.isSpaced {
      return members[before.text]?[name] ?? []
    }
    let isImplicit: Bool
    switch before?.kind {
    case nil: isImplicit = true
    case .identifier?: isImplicit = LayeringIndex.keywordsBeforeExpression.contains(before?.text ?? "")
    case .literal?: isImplicit = false
    case .punctuation? where before?.text == "\\":
      isImplicit = false  // a key path, `\.name`, names a member of a value
    case .punctuation?:
      // `)`, `]` and `}` end an expression, also before a chain continued on the next line;
      // `x?.a` and `x!.a` are members of a value, `flag ? .a : .b` is not.
      let text = before?.text ?? ""
      isImplicit = !([")", "]", "}"].contains(text) || (["?", "!", ">"].contains(text) && !dot.isSpaced))
    }
    let isCall = position + 1 < tokens.count && tokens[position + 1].text == "(" && !tokens[position + 1].isSpaced
    return untyped[UntypedUse(name: name, isCall: isCall, isImplicit: isImplicit)] ?? []
  }

  /// The layer that declares a type of the library, or `nil` for another module's type.
  private func layer(ofType name: String?) -> String? {
    guard let name else { return nil }
    return topLevel[name]?.layer ?? membersNamed[name]?.first(where: \.isStatic)?.layer
  }

  private enum Scope {
    /// The body of a type or extension, whose declarations are members of `owner`.
    case members(owner: String, hidden: Bool, isExtension: Bool)
    /// A function body, closure, accessor or anything else whose declarations are local.
    case code
  }

  private static let declarationKeywords: Set<String> = [
    "struct", "enum", "class", "protocol", "actor", "extension", "typealias", "associatedtype", "func", "var", "let",
    "case", "subscript", "init",
  ]

  private static let modifierWords: Set<String> = [
    "public", "package", "internal", "private", "fileprivate", "open", "static", "class", "final", "override",
    "mutating", "nonmutating", "indirect", "lazy", "nonisolated", "convenience", "required", "dynamic", "weak",
    "unowned", "consuming", "borrowing", "isolated",
  ]

  /// The declarations of a file, each with the position of its name; `nil` for a declaration
  /// no other file can see.
  static func declarations(in source: LayeringSource) -> [(Int, LayeringDeclaration?)] {
    let tokens = source.tokens
    var scopes: [Scope] = []
    var pending: Scope?
    var found: [(Int, LayeringDeclaration?)] = []
    func identifier(at position: Int) -> String? {
      position < tokens.count && tokens[position].kind == .identifier ? tokens[position].text : nil
    }
    var owner: String?
    var hidden = false
    var isExtension = false
    func declare(_ position: Int, isStatic: Bool) {
      let token = tokens[position]
      let declaration = LayeringDeclaration(
        name: token.text, owner: owner, layer: source.layer, path: source.path, line: token.line, isStatic: isStatic,
        isInExtension: isExtension, isFunction: tokens[position - 1].text == "func")
      found.append((position, hidden ? nil : declaration))
    }
    var position = 0
    while position < tokens.count {
      let token = tokens[position]
      defer { position += 1 }
      if token.kind == .punctuation {
        if token.text == "{" {
          scopes.append(pending ?? .code)
          pending = nil
        } else if token.text == "}" {
          _ = scopes.popLast()
        }
        continue
      }
      guard token.kind == .identifier else { continue }
      switch scopes.last {
      case nil:
        (owner, hidden, isExtension) = (nil, false, false)
      case .members(let name, let enclosingHidden, let inExtension):
        (owner, hidden, isExtension) = (name, enclosingHidden, inExtension)
      case .code:
        continue
      }
      guard LayeringIndex.declarationKeywords.contains(token.text) else { continue }
      let modifiers = LayeringIndex.modifiers(before: position, in: tokens)
      hidden = hidden || modifiers.contains("private") || modifiers.contains("fileprivate")
      let isStatic = modifiers.contains("static") || modifiers.contains("class")
      switch token.text {
      case "struct", "enum", "class", "protocol", "actor":
        // `class func` and `class var` are members, not classes.
        guard let name = identifier(at: position + 1), !LayeringIndex.declarationKeywords.contains(name) else {
          continue
        }
        declare(position + 1, isStatic: true)
        pending = .members(owner: name, hidden: hidden, isExtension: false)
      case "extension":
        var last = position + 1
        while last + 2 < tokens.count, tokens[last + 1].text == ".", tokens[last + 2].kind == .identifier { last += 2 }
        guard let name = identifier(at: last) else { continue }
        pending = .members(owner: name, hidden: hidden, isExtension: true)
      case "typealias", "associatedtype":
        guard identifier(at: position + 1) != nil else { continue }
        declare(position + 1, isStatic: true)
      case "func", "var", "let":
        guard identifier(at: position + 1) != nil else { continue }
        declare(position + 1, isStatic: isStatic)
      case "case" where owner != nil:
        // `case a, b(Int), c = 3`: the names, each past its associated values or raw value.
        var next = position + 1
        while identifier(at: next) != nil {
          declare(next, isStatic: true)
          next += 1
          if next < tokens.count, tokens[next].text == "(" { next = LayeringIndex.closing(from: next, in: tokens) + 1 }
          if next < tokens.count, tokens[next].text == "=" {
            next += 1
            if next < tokens.count, tokens[next].text == "-" { next += 1 }
            if next < tokens.count, tokens[next].kind == .literal { next += 1 }
          }
          guard next < tokens.count, tokens[next].text == "," else { break }
          next += 1
        }
      default:
        continue
      }
    }
    return found
  }

  /// The position of the parenthesis that closes the one at `position`.
  private static func closing(from position: Int, in tokens: [LayeringToken]) -> Int {
    var depth = 0
    var index = position
    while index < tokens.count {
      if tokens[index].text == "(" { depth += 1 } else if tokens[index].text == ")" { depth -= 1 }
      if depth == 0 { return index }
      index += 1
    }
    return index
  }

  /// The modifiers before a declaration keyword; `private(set)` is read as `private(set)`, not
  /// as `private`, since it hides only the setter.
  private static func modifiers(before position: Int, in tokens: [LayeringToken]) -> Set<String> {
    var found: Set<String> = []
    var index = position - 1
    while index >= 0 {
      let token = tokens[index]
      if token.kind == .identifier, index > 0, tokens[index - 1].text == "@" {
        index -= 2  // an attribute
      } else if token.kind == .identifier, modifierWords.contains(token.text) {
        found.insert(token.text)
        index -= 1
      } else if token.text == ")" {
        // `private(set)`, or an attribute's arguments.
        var depth = 0
        repeat {
          if tokens[index].text == ")" { depth += 1 } else if tokens[index].text == "(" { depth -= 1 }
          index -= 1
        } while index >= 0 && depth > 0
        guard index >= 0, tokens[index].kind == .identifier else { return found }
        if modifierWords.contains(tokens[index].text) {
          found.insert(tokens[index].text + "(set)")
          index -= 1
        }
      } else {
        return found
      }
    }
    return found
  }
}
