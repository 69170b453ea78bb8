import Yams

extension RulesetBuilder {
    /// `map:`: a box, outlines as SVG path data, and places that each show a track, flag or project.
    func map(_ node: Node, tracks: [Ruleset.Track], projects: [Ruleset.Project]) -> Ruleset.Map? {
        guard let e = reader.mapping(node, "map", allowed: ["box", "title", "description", "shapes", "places"], required: ["box", "places"]),
              let boxNode = e["box"]?.value, let placesNode = e["places"]?.value else { return nil }
        let box = numbers(boxNode, "the map box", count: 4) ?? [0, 0, 1, 1]
        if box[2] <= 0 || box[3] <= 0 {
            reader.error("bad_box", boxNode, "the map box needs a width and a height above 0", hint: "write it as [x, y, width, height]")
        }
        var ids: [String: Node] = [:]
        func unique(_ id: String, _ idNode: Node, _ what: String) -> Bool {
            if let previous = ids[id] {
                reader.error("duplicate_id", idNode, "\(what) \"\(id)\" is already on the map at line \(reader.location(previous).line)",
                             hint: "every shape and place of the map needs its own id")
                return false
            }
            ids[id] = idNode
            return true
        }
        var shapes: [Ruleset.MapShape] = []
        for item in e["shapes"].flatMap({ reader.sequence($0.value, "the map shapes") }) ?? [] {
            guard let s = reader.mapping(item, "a map shape", allowed: ["id", "kind", "path", "label"], required: ["id", "kind", "path"]),
                  let idNode = s["id"]?.value, let id = mapID(idNode, "the id of a map shape"),
                  let kindNode = s["kind"]?.value, let kindText = reader.string(kindNode, "the kind of shape \(id)"),
                  let pathNode = s["path"]?.value, let path = reader.string(pathNode, "the path of shape \(id)") else { continue }
            guard let kind = Ruleset.MapShape.Kind(rawValue: kindText) else {
                let kinds = Ruleset.MapShape.Kind.allCases.map(\.rawValue)
                reader.error("unknown_kind", kindNode, "unknown shape kind \"\(kindText)\"",
                             hint: Suggest.didYouMean(kindText, in: kinds) ?? "the kinds are \(kinds.joined(separator: ", "))")
                continue
            }
            if let problem = SVGPathCheck.problem(in: path) {
                reader.error("bad_path", at: reader.location(of: pathNode, offset: problem.offset), "bad path data in shape \(id): \(problem.message)",
                             hint: "write SVG path data such as \"M 10 10 L 50 10 L 30 40 Z\"")
                continue
            }
            guard unique(id, idNode, "shape") else { continue }
            shapes.append(Ruleset.MapShape(id: id, kind: kind, path: path, label: reader.text(s["label"]?.value, "the label of shape \(id)")))
        }
        var places: [Ruleset.Place] = []
        for item in reader.sequence(placesNode, "the map places") ?? [] {
            guard let p = reader.mapping(item, "a map place", allowed: ["id", "name", "at", "label", "track", "flag", "project", "states"],
                                         required: ["id", "name", "at"]),
                  let idNode = p["id"]?.value, let id = mapID(idNode, "the id of a map place"),
                  let atNode = p["at"]?.value, let at = numbers(atNode, "the position of place \(id)", count: 2) else { continue }
            if at[0] < box[0] || at[0] > box[0] + box[2] || at[1] < box[1] || at[1] > box[1] + box[3] {
                reader.error("outside_box", atNode, "place \(id) at [\(Self.number(at[0])), \(Self.number(at[1]))] is outside the map box",
                             hint: "the box runs from x \(Self.number(box[0])) to \(Self.number(box[0] + box[2])) and y \(Self.number(box[1])) to \(Self.number(box[1] + box[3]))")
            }
            let bindings = ["track", "flag", "project"].compactMap { key in p[key].map { (key, $0.value) } }
            if bindings.count > 1 {
                reader.error("too_many_bindings", bindings[1].1, "place \(id) shows more than one thing", hint: "give it one of track, flag or project")
            }
            var shows: Ruleset.Place.Shows?
            if let (key, valueNode) = bindings.first, let target = reader.string(valueNode, "what place \(id) shows") {
                shows = binding(key, target, valueNode)
            }
            // A binding that names nothing known is reported above; its states are then not checked against nothing.
            let states = bindings.isEmpty || shows != nil
                ? p["states"].map { placeStates($0.value, place: id, shows: shows, tracks: tracks, projects: projects) } ?? [] : []
            var label = "right"
            if let labelNode = p["label"]?.value, let side = reader.string(labelNode, "the label side of place \(id)") {
                if Self.labelSides.contains(side) { label = side } else {
                    reader.error("bad_label", labelNode, "the label of place \(id) goes left, right, above or below, not \"\(side)\"")
                }
            }
            guard unique(id, idNode, "place") else { continue }
            places.append(Ruleset.Place(id: id, name: reader.text(p["name"]?.value, "the name of place \(id)") ?? id,
                                        x: at[0], y: at[1], shows: shows, label: label, states: states))
        }
        return Ruleset.Map(box: box, title: reader.text(e["title"]?.value, "the map title") ?? "Map",
                           description: reader.text(e["description"]?.value, "the map description") ?? "", shapes: shapes, places: places)
    }

    static let labelSides = ["left", "right", "above", "below"]

    private func mapID(_ node: Node, _ what: String) -> String? {
        guard let id = reader.string(node, what) else { return nil }
        guard RulesetLoader.isValidID(id) else {
            reader.error("bad_id", node, "\(what) \"\(id)\" is not a valid id", hint: "use lowercase letters, digits and \"_\", starting with a letter")
            return nil
        }
        return id
    }

    private func binding(_ key: String, _ target: String, _ node: Node) -> Ruleset.Place.Shows? {
        let (known, names): ([String: Int], [String]) = switch key {
        case "track": (scope.tracks, Array(scope.tracks.keys))
        case "flag": (scope.flags, Array(scope.flags.keys))
        default: (scope.projects, Array(scope.projects.keys))
        }
        guard let i = known[target] else {
            reader.error("unknown_\(key)", node, "unknown \(key) \"\(target)\" on the map",
                         hint: Suggest.didYouMean(target, in: names)
                             ?? (names.isEmpty ? "the file declares no \(key)s" : "the \(key)s are \(names.sorted().joined(separator: ", "))"))
            return nil
        }
        return switch key {
        case "track": .track(i)
        case "flag": .flag(i)
        default: .project(i)
        }
    }

    private func placeStates(_ node: Node, place: String, shows: Ruleset.Place.Shows?, tracks: [Ruleset.Track],
                             projects: [Ruleset.Project]) -> [Ruleset.PlaceState] {
        guard case .mapping(let map) = node else {
            reader.error("wrong_type", node, "the states of place \(place) must map values to words", hint: "write lines such as \"3: under inspection\"")
            return []
        }
        guard let shows else {
            reader.error("states_without_binding", node, "place \(place) has states but shows no track, flag or project"); return []
        }
        var result: [Ruleset.PlaceState] = []
        for (keyNode, valueNode) in map {
            guard let key = reader.string(keyNode, "a state of place \(place)"),
                  let text = reader.text(valueNode, "the words for state \(key) of place \(place)") else { continue }
            var value: String?
            switch shows {
            case .track(let i):
                if i < tracks.count, let n = reader.integer(keyNode, "a state of place \(place)", in: tracks[i].min...tracks[i].max) { value = String(n) }
            case .flag:
                switch key.lowercased() {
                case "true", "yes": value = "true"
                case "false", "no": value = "false"
                default: reader.error("bad_state", keyNode, "a flag's state is true or false, not \"\(key)\"")
                }
            case .project(let i):
                guard i < projects.count else { continue }
                if projects[i].statuses.contains(key) { value = key } else {
                    reader.error("unknown_status", keyNode, "project \"\(projects[i].id)\" has no status \"\(key)\"",
                                 hint: Suggest.didYouMean(key, in: projects[i].statuses) ?? "its statuses are \(projects[i].statuses.joined(separator: ", "))")
                }
            }
            if let value { result.append(Ruleset.PlaceState(value: value, text: text)) }
        }
        return result
    }

    /// A list of exactly `count` numbers, such as `[120, 45.5]`.
    private func numbers(_ node: Node, _ what: String, count: Int) -> [Double]? {
        guard case .sequence(let seq) = node, seq.count == count else {
            reader.error("wrong_type", node, "\(what) must be a list of \(count) numbers", hint: count == 2 ? "write it as [x, y]" : "write it as [x, y, width, height]")
            return nil
        }
        var result: [Double] = []
        for item in seq {
            guard let text = item.scalar?.string, let n = Double(text), n.isFinite, abs(n) <= 1_000_000 else {
                reader.error("wrong_type", item, "\(what) must be a list of \(count) numbers"); return nil
            }
            result.append(n)
        }
        return result
    }

    static func number(_ n: Double) -> String { n == n.rounded() ? String(Int(n)) : String(n) }
}

/// Checks SVG path data: commands with the right count of numbers, starting with a moveto.
enum SVGPathCheck {
    struct Problem { var offset: Int; var message: String }

    static let arity: [Character: Int] = ["M": 2, "L": 2, "T": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "A": 7, "Z": 0]
    static let maxLength = 20_000

    static func problem(in path: String) -> Problem? {
        let chars = Array(path)
        guard chars.count <= maxLength else { return Problem(offset: 0, message: "it is longer than \(maxLength) characters") }
        var i = 0
        var command: Character?
        var commandAt = 0
        var numbersSeen = 0
        func finish() -> Problem? {
            guard let c = command, let n = arity[Character(c.uppercased())] else { return nil }
            if n == 0 { return numbersSeen == 0 ? nil : Problem(offset: commandAt, message: "\(c) takes no numbers") }
            if numbersSeen == 0 || numbersSeen % n != 0 {
                return Problem(offset: commandAt, message: "\(c) takes numbers in groups of \(n), but has \(numbersSeen)")
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "," || c == "\n" || c == "\t" || c == "\r" { i += 1; continue }
            if c.isLetter {
                guard arity[Character(c.uppercased())] != nil else { return Problem(offset: i, message: "unknown command \"\(c)\"") }
                if command == nil, c != "M", c != "m" { return Problem(offset: i, message: "it must start with M") }
                if let p = finish() { return p }
                command = c; commandAt = i; numbersSeen = 0; i += 1
                continue
            }
            var j = i
            if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
            var digits = 0, dot = false
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || (chars[j] == "." && !dot) {
                if chars[j] == "." { dot = true } else { digits += 1 }
                j += 1
            }
            if digits > 0, j < chars.count, chars[j] == "e" || chars[j] == "E" {
                var k = j + 1
                if k < chars.count, chars[k] == "-" || chars[k] == "+" { k += 1 }
                var expDigits = 0
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1; expDigits += 1 }
                if expDigits > 0 { j = k }
            }
            guard digits > 0 else { return Problem(offset: i, message: "\"\(c)\" is neither a command nor a number") }
            guard command != nil else { return Problem(offset: i, message: "it must start with M") }
            numbersSeen += 1
            i = j
        }
        guard command != nil else { return Problem(offset: 0, message: "it is empty") }
        return finish()
    }
}
