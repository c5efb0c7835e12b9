"""English presence and alarm mechanisms of round 22 (issue #13): classes of sentence, written
as grammar from every train false positive of missing-what-happened (CP310), missing-service-
status (CP311) and alarm, not phrasings copied from them.

What happened (CP310 stays quiet): an action done wrongly ("billed incorrectly", "charged
twice"), a cause named as the subject of "caused" / "led to", a problem a thing develops, a piece
of plant out or tripped, a natural hazard under any of its names, the verb of a power loss.
Service status (CP311 stays quiet): left without a supply, a service reopened, what goes ahead,
a service subject to delays, long waits, what an active "affected" names as its object.
Alarm stays quiet on a danger after "any" and its kind ("any security threats"), and on
"critical" meaning essential ("a critical piece of software")."""

from __future__ import annotations

from real_text import Family, family_tests

WHAT = "missing-what-happened"
STATUS = "missing-service-status"

FAMILIES: dict[str, Family] = {
    # an action done wrongly is the event, whatever the verb
    "wrong-action": (WHAT, False, [
        "Some customers were billed incorrectly for their June subscription. We are sorry.",
        "Some customers' parcels were wrongly delivered to neighbours on Friday.",
        "Yesterday's council tax reminders were issued by mistake to 2,000 households.",
        "Some members have been charged twice for their January membership fee.",
        "Several card holders were debited twice for purchases made on Saturday.",
        "We are sorry: duplicate payments left some accounts overdrawn this morning.",
        "Exam results were mistakenly published to the wrong student portal.",
        "Interest has been wrongly applied to a small number of savings accounts.",
        "Meter readings were recorded incorrectly for some homes in the north of the city.",
    ], [
        "If you entered your PIN incorrectly three times, your card is blocked; we are sorry.",
        "Please check that your details have not been entered incorrectly before you call us.",
        "We are working to make sure no one is ever charged twice.",
        "We are sorry for the trouble some customers are having today.",
        "Some members may see problems with their accounts today; we are looking into it.",
        "To avoid being billed twice, please do not repeat the payment.",
    ]),
    # a cause named as the subject of an active causative: the mirror of "caused by"
    "cause-as-subject": (WHAT, False, [
        "An expired security certificate caused the app to stop loading this morning.",
        "A lorry collision near the depot led to the shutdown of our Exeter site.",
        "A faulty software release caused some trains to show the wrong platform.",
        "Last night's frost has caused burst supply lines across the estate.",
        "The late arrival of the inbound aircraft resulted in a six-hour wait for passengers.",
        "Baggage handlers' industrial action caused long queues at Gatwick today.",
        "A database migration this weekend caused some orders to disappear from accounts.",
        "A blocked drain behind the kitchen caused the smell in the restaurant.",
    ], [
        "This caused the app to stop loading for some customers.",
        "The issue caused the app to stop loading for some customers.",
        "We apologise for any disruption caused to your journey today.",
        "We are sorry for the inconvenience that this has caused.",
        "Something caused payments to stop going through this morning.",
        "Some customers cannot log in; we are investigating what caused it.",
    ]),
    # a problem that a thing develops is its failure
    "develops-a-problem": (WHAT, False, [
        "One of our email servers developed a problem on Monday morning.",
        "The 08:15 from Leeds developed a problem near York and is now being towed.",
        "One of the lifts in the car park developed a problem on Sunday.",
        "The ferry developed an issue with its steering gear this afternoon.",
        "Part of the roof developed a crack overnight.",
        "The scanner at Gate 4 developed a problem and passengers are being rebooked.",
        "Our booking platform has developed an intermittent defect.",
        "A water pipe in the library developed a crack overnight.",
    ], [
        "We are developing a fix and hope to share it soon.",
        "We have developed a plan with the council to help residents.",
        "Customers are experiencing a problem with their accounts.",
        "We are developing a solution and will update you.",
        "We know about the problem with the booking page and are working on it.",
        "Our engineers are developing new procedures with our partners.",
    ]),
    # a piece of plant out, down or tripped is the failure behind the outage
    "plant-out": (WHAT, False, [
        "There is a transformer out again at the primary school this morning.",
        "The Mill Road substation was down for two hours overnight.",
        "A breaker tripped at the pumping site and the reservoir stopped filling.",
        "Both backup generators tripped when the grid supply dropped.",
        "A faulty router in our Leeds data centre is being replaced.",
        "The treatment works' main pumps tripped shortly after 3 am.",
        "An overheated transformer on the estate is being replaced by crews.",
        "The leisure centre's boiler is faulty, so the pool is cold today.",
    ], [
        "The website is down for some customers this morning.",
        "Our app is down; we are working on it.",
        "Crews are checking every transformer on the estate this morning.",
        "Our generators are ready if they are needed tonight.",
        "The pumps are being serviced as part of routine checks.",
        "Phone lines are down at the lower school, please email teachers.",
    ]),
    # a natural hazard is an event, in any of its names
    "natural-hazard": (WHAT, False, [
        "Several villages have been cut off by the floodwaters for some weeks now.",
        "Last night's tornado left the depot without a roof.",
        "The heatwave has forced us to shut the outdoor pools.",
        "A landslide has blocked the coast road between the two villages.",
        "The wildfire near the reservoir means the visitor centre is shut.",
        "After the earthquake our engineers are checking every bridge on the line.",
        "The blizzard has kept our drivers off the roads today.",
        "Significant rainfall overnight has left the sports pitches unplayable.",
    ], [
        "The visitor centre is shut today; sorry for the inconvenience.",
        "We are preparing for whatever the weekend brings.",
        "The sports pitches are unplayable today.",
        "Our drivers are off the roads today; we are sorry.",
        "The coast road is shut between the two villages.",
        "Our engineers are checking every bridge on the line.",
    ]),
    # the verb of an event the lexicon names as a noun: a power loss
    "power-lost": (WHAT, False, [
        "We lost power at about 2:30 this morning and our systems stopped.",
        "The hospital lost mains power for twenty minutes overnight.",
        "Our data centre in Slough lost power shortly after midnight.",
        "The power went out across the campus at 10 am.",
        "The school is losing power for short spells this morning.",
        "The power went off at the depot, so trains could not leave.",
        "The stadium lost all electricity during the second half.",
        "Two of our call centres lost power this morning, so calls are slower.",
    ], [
        "We lost all access to the internet for reasons as yet unknown.",
        "Our call centre lost contact with the depot this morning.",
        "The team lost no time in getting systems back.",
        "The app went out of date and must be updated.",
        "Customers lost access to online banking this morning.",
        "We have lost touch with the supplier this morning.",
    ]),
    # left without a supply or a service: what is down
    "without-a-supply": (STATUS, False, [
        "We are now down to 20 members remaining without power. We are sorry.",
        "Around 300 homes in Hove are still without water this evening.",
        "Customers in the north of the county remain without broadband.",
        "Some flats on the estate have been left without heating since Friday.",
        "Businesses on the high street are without phone lines today.",
        "Students in halls are without internet access this morning.",
        "Several villages are without mobile signal after the storm.",
        "Over 1,000 customers are without gas supply tonight.",
    ], [
        "We will be in touch without delay.",
        "Charges were changed without notice; we apologise.",
        "Repairs will be carried out without charge.",
        "We apologise to everyone affected by today's problems.",
        "We are working around the clock on this incident.",
        "Thank you for bearing with us without complaint.",
    ]),
    # a service reopened, or one that goes ahead, still works
    "reopened-or-goes-ahead": (STATUS, False, [
        "We've now reopened our helplines. We thank people for their patience.",
        "The bridge has been reopened to traffic after the storm.",
        "Our Leeds branch reopened at 2 pm today.",
        "Direct debits were reinstated for all accounts on Monday.",
        "All urgent appointments went ahead, as did most clinics.",
        "Saturday's match will go ahead as planned.",
        "The exams went ahead as scheduled in the main hall.",
        "Evening surgery goes ahead, despite the storm.",
    ], [
        "Go ahead and call us if you have any questions.",
        "We went ahead with the investigation at once.",
        "We are sorry for the problems today and will tell you more soon.",
        "We are looking into what happened and are sorry for the trouble.",
        "We hope to be able to say more later today.",
        "Please go ahead and book through our partners' usual channels if you prefer.",
    ]),
    # a service liable to a problem, or long waits, is limited
    "subject-to-or-long-waits": (STATUS, False, [
        "Trains across the network may be subject to alterations this morning.",
        "Ferry sailings are subject to cancellation because of high winds.",
        "Buses on route 12 are subject to diversions while the road is shut.",
        "Flights from Bristol remain subject to disruption tonight.",
        "There are long waits in our emergency department today.",
        "Callers should expect longer waits on our phone lines this week.",
        "Patients face lengthy waiting at the walk-in centre today.",
        "There are extended queues at the recycling centre this weekend.",
    ], [
        "Prices are subject to change.",
        "Refunds are subject to our usual terms.",
        "Bookings are subject to our terms and conditions.",
        "Thank you for waiting so patiently while we worked on this.",
        "We are sorry for the wait for this update.",
        "All offers are subject to status.",
    ]),
    # what an active "affected" names as its object is what is down
    "affected-what": (STATUS, False, [
        "One of our servers developed a fault, which affected email sent from the portal.",
        "A fault has disrupted card payments this morning.",
        "The heavy rain has affected rail services overnight.",
        "The upgrade has affected card readers since Monday.",
        "The fire has badly affected parcel rounds this week.",
        "The strike has hit school transport today.",
        "A software bug which affected ticket machines is now fixed.",
        "The snow has hit bus routes through the town centre.",
    ], [
        "We are sorry to everyone who was affected by the fault.",
        "A fault which affected some customers has been fixed.",
        "Customers affected by the storm will be contacted.",
        "The fault affected us badly this morning.",
        "This has affected many of our customers.",
        "A fault which affected several people has been fixed.",
    ]),
    # a danger after "any" and its kind is one nobody claims
    "any-kind-of-danger": ("alarm", False, [
        "The failure of the firewall did not expose the University to any security threats.",
        "Tests found no sign of any bacterial contamination in the supply.",
        "We have seen no evidence of any further threats to your data.",
        "You were never exposed to any real danger.",
        "We test daily for any chemical contamination of the water.",
        "We are not aware of any ongoing threats to our systems.",
        "Staff checked for any electrical dangers before reopening.",
        "The outage did not create any safety dangers for residents.",
    ], [
        "There is a serious threat to your data.",
        "Your savings are at risk.",
        "This is a danger to every customer.",
        "There is a threat to the water supply.",
        "The water may be contaminated.",
        "We face a security threat today.",
    ]),
    # "critical" as essential, before the thing it rates
    "critical-as-essential": ("alarm", False, [
        "Data privacy is a critical focus for us, and for you.",
        "You should install the critical update on your phone today.",
        "Please remember that you are a critical worker and can travel.",
        "You are a critical part of our community.",
        "Your feedback is a critical step in improving our service.",
        "Please make sure your critical systems are backed up.",
        "Please treat your critical medicines with care while the power is off.",
        "Please apply the critical security update to your device today.",
    ], [
        "It is critical that you change your password today.",
        "You must call us: this is critical.",
        "Your account is in a critical state.",
        "Please take critical action to protect your account.",
        "You are in a critical situation and must leave.",
        "You should know that your balance has reached a critical level.",
    ]),
}


test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "en")
