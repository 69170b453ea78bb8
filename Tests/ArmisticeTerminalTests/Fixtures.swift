@testable import ArmisticeTerminal

/// Server messages as the protocol describes them, for a student of Marisol in the tutorial scenario.
enum Fixtures {
    static let now: Int64 = 1_795_968_859_331

    static let view = """
    {"viewer":"marisol","ruleset":"coral_strait","title":"The Coral Strait: a fishing-rights dispute","turn":1,"turns":4,
     "date":"Season 1","phase":"negotiation",
     "teams":[{"id":"marisol","name":"Republic of Marisol","colour":"#d35400","locked":false,"brief":"Your fishing fleet feeds the island.","budget":3},
              {"id":"tervane","name":"Kingdom of Tervane","colour":"#16a085","locked":true},
              {"id":"mediator","name":"Regional Fisheries Mediator","colour":"#7f8c8d","locked":false}],
     "tracks":[{"id":"friction","name":"Friction at sea","description":"","value":2,"min":0,"max":5,"level":"Shadowing"},
               {"id":"goodwill","name":"Goodwill between the islands","description":"","value":3,"min":0,"max":10},
               {"id":"marisol_catch","name":"Marisol's catch","description":"","value":8,"min":0,"max":20}],
     "flags":[{"id":"boat_seized","name":"A fishing boat has been seized","value":false}],
     "projects":[{"id":"fishing_accord","name":"Coral Strait fishing accord","status":"draft","index":1,"statuses":["no_talks","draft","initialled","signed"]}],
     "orders":{"marisol":{"orders":[{"action":"fish_hard","params":{}}],"consents":{}}},
     "spent":{"marisol":1},
     "actions":[{"id":"fish_hard","team":"marisol","name":"Fish hard","description":"Send the whole fleet out.","cost":1,"covert":false,"params":[],"available":true},
                {"id":"patrol","team":"marisol","name":"Naval patrol","description":"Shadow Tervane's trawlers.","cost":2,"covert":false,"params":[],"chance":60,"available":true},
                {"id":"seize_trawler","team":"marisol","name":"Seize a trawler","description":"Board one.","cost":2,"covert":false,"params":[],"available":false,"reason":"needs friction of at least 3"},
                {"id":"propose_quota","team":"marisol","name":"Propose a quota","description":"","cost":1,"covert":false,
                 "params":[{"id":"tonnes","type":"number","min":1,"max":9},{"id":"partner","type":"team","choices":[{"id":"tervane","name":"Kingdom of Tervane"},{"id":"mediator","name":"Regional Fisheries Mediator"}]}],"available":true}],
     "consents":[],
     "deals":[{"id":1,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"fish_hard"}],"accepted":["tervane"],"status":"open","note":"fair share"}],
     "objectives":[],
     "records":[{"kind":"phase","turn":1,"phase":"briefing"},{"kind":"news","turn":1,"text":"Patrol boats shadow trawlers off the reef."},
                {"kind":"intel","turn":1,"text":"Tervane's admiral is restless.","visible_to":["marisol"]},{"kind":"phase","turn":1,"phase":"negotiation"}]}
    """

    static let snapshot = """
    {"type":"snapshot","room":"R4X95U","seq":57,"you":{"seat":"s3","name":"Kim","role":"player","team":"marisol"},
     "settings":{"ruleset":"coral_strait","seed":7,"turns":4},
     "view":\(view),
     "roster":[{"seat":"s1","name":"Ms Lee","role":"instructor","online":true},{"seat":"s3","name":"Kim","role":"player","team":"marisol","online":true},
               {"seat":"s4","name":"Ari","role":"player","team":"tervane","online":true}],
     "chat":[{"seq":12,"t":1795968800331,"seat":"s4","name":"Ari","channel":"all","text":"Hello, neighbours"}],
     "clock":{"phase":"negotiation","turn":1,"paused":false,"deadline":1795969100331,"remaining":241000,"now":1795968859331}}
    """

    /// The screen as text at a size (80×24 unless told), a second after the fixture's time.
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: now + 1_000).text
    }

    /// Types the text key by key, as a student would.
    static func type(_ text: String, into s: inout ClientState) {
        for c in text { _ = s.handle(key: .char(c)) }
    }

    static func seated() -> ClientState {
        var s = ClientState()
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: now)
        _ = s.apply(message: snapshot, now: now)
        return s
    }
}
