"""Opinion articles for the demo newsroom "The Steppe Courier".

Everything in this module is fictional demo content written for the steppe project: the events,
the people quoted and the figures are invented. Only the place names are real.
"""

_CREDIT = "Illustration: Steppe Courier demo"
_CREDIT_RU = "Иллюстрация: демо Steppe Courier"

ARTICLES: list[dict] = [
    {
        "key": "opinion-01",
        "slug": "parliamentary-race-needs-debates-outside-astana-and-almaty",
        "topic": "opinion",
        "countries": ["KZ"],
        "tags": ["elections", "parliament", "media"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 0,
        "hours": 8,
        "title": "Kazakhstan's parliamentary race needs debates outside Astana and Almaty",
        "standfirst": (
            "With six weeks to go before the vote, most candidate forums are being held in the two "
            "biggest cities. The voters of Karaganda and Turkestan deserve to hear the arguments too."
        ),
        "body": [
            (
                "p",
                "I spent last week counting events. Of the 41 public candidate forums announced so far "
                "for the parliamentary elections, 29 are scheduled in Astana or Almaty, and only three "
                "are planned anywhere in Turkestan region, home to more than two million people. That "
                "imbalance is not a scandal, but it is a choice, and it is one the parties can still undo.",
            ),
            (
                "p",
                "Party organisers tell me the reasons are practical: the studios are in the capital, the "
                "sponsors are in Almaty and the travel budget is thin. I understand the arithmetic. But a "
                "debate about irrigation tariffs or rural clinics sounds different when the audience has "
                "actually queued for water or for a doctor.",
            ),
            ("h", "Where the voters are"),
            (
                "p",
                "In Karaganda, a retired mine surveyor named Yerlan Dzhaksybekov told me he has watched "
                'every televised forum this month. "They talk about the coal towns as if we were a line '
                'in the statistics," he said. "Let one of them come to a school hall in Maikuduk and '
                'answer a question about heating."',
            ),
            (
                "p",
                "There is a cheap fix. The Central Election Commission already streams its own briefings; "
                "it could lend the same technical crew to any forum organised by a regional university, "
                "with equal time for every registered party. Three regional debates a week, rotating "
                "between Karaganda, Turkestan, Pavlodar and Aktobe, would cost less than a single "
                "national billboard campaign.",
            ),
            (
                "p",
                "Parliament is supposed to be the place where the whole country is in the room. The "
                "campaign that fills it should look the same. If candidates want the votes of the "
                "steppe, they should be willing to take the night train and ask for them in person.",
            ),
        ],
        "image": {
            "caption": "Morning light over the steppe road between Karaganda and Astana",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a flat steppe horizon under a dawn sky with a thin road",
            "seed": 503,
            "palette": "dawn",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Предвыборной гонке в Казахстане нужны дебаты за пределами Астаны и Алматы",
            "standfirst": (
                "До голосования осталось шесть недель, а большинство встреч с кандидатами проходит "
                "в двух крупнейших городах. Избиратели Караганды и Туркестана тоже заслуживают "
                "услышать аргументы."
            ),
            "body": [
                (
                    "p",
                    "На прошлой неделе я занималась подсчётами. Из 41 публичного форума кандидатов, "
                    "объявленного к парламентским выборам, 29 пройдут в Астане или Алматы и лишь три — "
                    "во всей Туркестанской области, где живёт больше двух миллионов человек. Такой "
                    "перекос — не скандал, но это выбор, и партии ещё могут его исправить.",
                ),
                (
                    "p",
                    "Организаторы партий объясняют это практическими причинами: студии находятся в "
                    "столице, спонсоры — в Алматы, а бюджет на поездки скромный. Я понимаю эту "
                    "арифметику. Но разговор о тарифах на полив или о сельских поликлиниках звучит "
                    "иначе, когда в зале сидят люди, которые сами стояли в очереди за водой или к врачу.",
                ),
                ("h", "Где живут избиратели"),
                (
                    "p",
                    "В Караганде отставной маркшейдер Ерлан Джаксыбеков рассказал мне, что смотрел все "
                    "телевизионные дебаты этого месяца. «Они говорят о шахтёрских городах так, будто мы — "
                    "строчка в статистике, — сказал он. — Пусть кто-нибудь из них придёт в школьный зал "
                    "в Майкудуке и ответит на вопрос об отоплении».",
                ),
                (
                    "p",
                    "Есть недорогое решение. Центральная избирательная комиссия уже транслирует "
                    "собственные брифинги; она могла бы предоставлять ту же техническую бригаду любому "
                    "форуму, который организует региональный университет, с равным временем для каждой "
                    "зарегистрированной партии. Три региональных дебата в неделю поочерёдно в Караганде, "
                    "Туркестане, Павлодаре и Актобе обошлись бы дешевле одной общенациональной кампании "
                    "на билбордах.",
                ),
                (
                    "p",
                    "Парламент должен быть местом, где присутствует вся страна. Кампания, которая его "
                    "формирует, должна выглядеть так же. Если кандидатам нужны голоса степи, им стоит "
                    "сесть на ночной поезд и прийти за ними лично.",
                ),
            ],
            "image": {
                "caption": "Утренний свет над степной дорогой между Карагандой и Астаной",
                "credit": _CREDIT_RU,
                "alt": (
                    "Стилизованная иллюстрация плоского степного горизонта под рассветным небом "
                    "с тонкой линией дороги"
                ),
            },
        },
    },
    {
        "key": "opinion-02",
        "slug": "fergana-rail-corridor-must-carry-farmers-freight",
        "topic": "opinion",
        "countries": ["KG", "UZ"],
        "tags": ["railways", "trade", "transport"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 1,
        "hours": 9,
        "title": "The Fergana rail corridor will only work if farmers get a freight wagon too",
        "standfirst": (
            "The new line linking Osh with Andijan is being sold as a transit route to distant markets. "
            "Its real test is whether apricot growers in the valley can put a pallet on it."
        ),
        "body": [
            (
                "p",
                "The surveyors' pegs are already in the ground south of Osh, where the planned line will "
                "cross into Uzbekistan towards Andijan. Officials on both sides speak of container trains, "
                "transit fees and travel times to the Caspian. I have read the feasibility summaries "
                'twice, and I could not find the word "apricot" in either of them.',
            ),
            (
                "p",
                "That matters because the Fergana Valley is, above all, a place that grows things. Around "
                "Aravan and Kara-Suu, growers ship roughly 40,000 tonnes of dried apricots a year, mostly "
                "by truck, queueing for up to two days at the border posts in summer. A refrigerated rail "
                "wagon with a shared customs check would cut that wait to a few hours.",
            ),
            (
                "quote",
                "If the train only stops for containers from far away, for us it is just a fence with a "
                "timetable.",
                "Nurbek Asanov, apricot grower, Aravan",
            ),
            (
                "p",
                "Nurbek Asanov, who farms eleven hectares outside Aravan, put it more bluntly than any "
                'report. "If the train only stops for containers from far away, for us it is just a '
                'fence with a timetable," he told me, standing beside his drying racks. He would pay for '
                "a freight slot tomorrow if anyone offered him one.",
            ),
            (
                "p",
                "The fix is modest. Set aside two loading sidings in the valley, one near Kara-Suu and "
                "one near Andijan, with a joint phytosanitary post staffed by inspectors from both "
                "countries. Publish the freight tariff for small shippers in soms and sums, not only in "
                "dollars per container.",
            ),
            (
                "p",
                "Corridors are usually judged by how quickly goods pass through a region. I would judge "
                "this one by how much of the region gets on board. If the line carries Fergana fruit as "
                "readily as it carries transit cargo, it will have earned its place on the map.",
            ),
        ],
        "image": {
            "caption": "Rail tracks curving into the foothills of the Fergana Valley",
            "credit": _CREDIT,
            "alt": "Stylised illustration of rolling foothills under a noon sky with a faint line of track",
            "seed": 517,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Ферганский железнодорожный коридор заработает, только если вагон достанется фермерам",
            "standfirst": (
                "Новую линию из Оша в Андижан продвигают как транзитный путь к далёким рынкам. "
                "Настоящая проверка для неё — смогут ли садоводы долины погрузить в поезд хотя бы "
                "один поддон с курагой."
            ),
            "body": [
                (
                    "p",
                    "Колышки геодезистов уже вбиты в землю к югу от Оша, там, где будущая линия пересечёт "
                    "границу Узбекистана в сторону Андижана. Чиновники обеих стран говорят о контейнерных "
                    "поездах, транзитных сборах и времени в пути до Каспия. Я дважды перечитал "
                    "технико-экономические резюме и ни в одном не нашёл слова «абрикос».",
                ),
                (
                    "p",
                    "Это важно, потому что Ферганская долина — прежде всего место, где что-то "
                    "выращивают. В окрестностях Аравана и Кара-Суу садоводы отправляют около 40 000 тонн "
                    "кураги в год, в основном грузовиками, которые летом стоят на пограничных постах до "
                    "двух суток. Рефрижераторный вагон с общим таможенным досмотром сократил бы это "
                    "ожидание до нескольких часов.",
                ),
                (
                    "quote",
                    "Если поезд останавливается только ради контейнеров издалека, для нас это просто "
                    "забор с расписанием.",
                    "Нурбек Асанов, садовод, Араван",
                ),
                (
                    "p",
                    "Нурбек Асанов, у которого одиннадцать гектаров под Араваном, сказал об этом прямее "
                    "любого отчёта. «Если поезд останавливается только ради контейнеров издалека, для нас "
                    "это просто забор с расписанием», — сказал он мне, стоя у своих сушильных стеллажей. "
                    "Он оплатил бы место в грузовом вагоне хоть завтра, если бы кто-нибудь его предложил.",
                ),
                (
                    "p",
                    "Решение скромное. Выделить в долине два погрузочных пути — один возле Кара-Суу, "
                    "другой возле Андижана — с совместным фитосанитарным постом, где работают инспекторы "
                    "обеих стран. Публиковать грузовой тариф для мелких отправителей в сомах и сумах, "
                    "а не только в долларах за контейнер.",
                ),
                (
                    "p",
                    "Коридоры обычно оценивают по тому, как быстро грузы проходят через регион. Я бы "
                    "оценивал этот по тому, какая часть самого региона сможет в него сесть. Если линия "
                    "будет возить ферганские фрукты так же охотно, как транзитные грузы, она заслужит "
                    "своё место на карте.",
                ),
            ],
            "image": {
                "caption": "Рельсы уходят в предгорья Ферганской долины",
                "credit": _CREDIT_RU,
                "alt": (
                    "Стилизованная иллюстрация холмистых предгорий под полуденным небом "
                    "с едва заметной линией пути"
                ),
            },
        },
    },
    {
        "key": "opinion-03",
        "slug": "pamir-small-hydropower-plants-quiet-success",
        "topic": "opinion",
        "countries": ["TJ"],
        "tags": ["hydropower", "energy", "mountains"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 3,
        "hours": 10,
        "title": "The Pamir's small hydropower plants are the quiet success nobody celebrates",
        "standfirst": (
            "While giant dams dominate the headlines, village-scale turbines around Khorog keep the "
            "lights on through the winter. They deserve a policy of their own."
        ),
        "body": [
            (
                "p",
                "In Khorog, the winter power cut used to be as predictable as the first snow on the "
                "passes. This year, residents tell me, the outages were shorter and fewer, and much of the "
                "credit belongs to a string of small run-of-river plants on the tributaries of the Panj. "
                "None of them generates more than five megawatts, and none has ever appeared on a stamp.",
            ),
            (
                "p",
                "I visited the plant above the village of Porshinev in January, when the stream was at "
                "its lowest. The operator, a former physics teacher called Davlatsho Mamadnazarov, showed "
                'me a logbook in which he records the output every six hours by hand. "We learned to '
                'live with the river," he said, "and in February we share the power street by street."',
            ),
            ("image", "A small turbine house beside a mountain stream in the western Pamir", _CREDIT),
            (
                "p",
                "The national conversation about hydropower in Tajikistan is dominated by enormous "
                "reservoirs and the export contracts they promise. Those projects matter. But a country "
                "where almost every valley has falling water should also have a simple licensing route "
                "for community plants, a standard grid connection and a fund for spare parts.",
            ),
            (
                "p",
                "Maintenance is the weak point. Several older micro-plants in Gorno-Badakhshan stand idle "
                "because a single bearing or control board is missing, and replacements have to travel "
                "from Dushanbe over the Pamir Highway. A regional workshop in Khorog, funded by a modest "
                "levy on the larger producers, would put these turbines back to work for a fraction of "
                "the cost of a new high-voltage line.",
            ),
            (
                "p",
                "Small plants will never balance the national grid on their own. They do something "
                "different: they give mountain communities a stake in their own electricity. That is an "
                "energy policy worth writing down.",
            ),
        ],
        "image": {
            "caption": "Snow-covered ridges above Khorog in the Pamir",
            "credit": _CREDIT,
            "alt": "Stylised illustration of snowy mountain ridges under a pale winter sky",
            "seed": 522,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-04",
        "slug": "turkmenbashi-port-more-than-a-ferry-stop",
        "topic": "opinion",
        "countries": ["TM"],
        "tags": ["trade", "transport", "railways"],
        "authors": ["maral-annayeva"],
        "days_ago": 5,
        "hours": 14,
        "title": "Turkmenbashi's port should sell itself as more than a ferry stop",
        "standfirst": (
            "The Caspian harbour has the cranes and the quays. What it lacks is a reason for traders "
            "in Mary and Dashoguz to think of it first."
        ),
        "body": [
            (
                "p",
                "Stand on the breakwater at Turkmenbashi in the morning and the scale of the harbour is "
                "obvious: long concrete quays, new gantry cranes, a passenger terminal with more seats than "
                "it has ever needed. Yet on the day I visited, only one ferry was loading, and most of its "
                "cargo was lorries in transit from somewhere else.",
            ),
            (
                "p",
                "Part of the answer lies inland. Growers and textile workshops in Mary and Dashoguz still "
                "send most of their goods north by road, because that is how their buyers have always "
                "collected them. A freight forwarder in Mary, Gulshat Orazova, told me she has never "
                'received a single quotation for a combined rail and sea route to the Caucasus: "Nobody '
                'has explained what it would cost, so we do what we did last year."',
            ),
            (
                "p",
                "A port needs salespeople as much as it needs cranes. A small team that visits the "
                "regional centres every season, publishes one clear through-tariff from Mary to Baku and "
                "guarantees a weekly departure would do more for traffic than another extension of the "
                "quay.",
            ),
            (
                "p",
                "There is also the question of people. The ferry terminal could host a weekend market "
                "for Caspian fish and carpets from Ahal, drawing visitors from Balkanabat and Ashgabat on "
                "the trains. Ports that are busy with people tend to become busy with goods too.",
            ),
            (
                "p",
                "Turkmenbashi does not need a grand new plan. It needs to be known, priced and "
                "timetabled in the places where cargo begins its journey. That is a smaller ambition, "
                "and a far more achievable one.",
            ),
        ],
        "image": {
            "caption": "The Caspian shore near Turkmenbashi on a hot afternoon",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a flat desert coastline meeting calm water under a hazy sky",
            "seed": 531,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-05",
        "slug": "nukus-deserves-more-than-an-aral-sea-disaster-tour",
        "topic": "opinion",
        "countries": ["UZ"],
        "tags": ["aral sea", "tourism", "climate"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 8,
        "hours": 11,
        "title": "Nukus deserves more than a disaster tour of the Aral Sea",
        "standfirst": (
            "Visitors come to Karakalpakstan to photograph rusting ships on the dry seabed. They should "
            "leave knowing about the people who are rebuilding life around it."
        ),
        "body": [
            (
                "p",
                "Every spring the minibuses leave Nukus before dawn for the old port of Moynaq, where "
                "tourists photograph the stranded fishing boats and drive on across the former seabed. "
                "Last season, local guides estimate, about 9,000 foreign visitors made the trip. Most "
                "spent one night in Nukus and left with the same picture of the Aral Sea they had "
                "brought with them.",
            ),
            (
                "p",
                "That picture is true, but it is not complete. Around Moynaq, saxaul plantations now hold "
                "down salty dust on thousands of hectares; in Nukus itself, a small laboratory tests "
                "drinking water for villages along the lower Amu Darya; and women's cooperatives in "
                "Kungrad weave camel-wool goods that sell out in Tashkent. None of this appears on the "
                "standard itinerary.",
            ),
            (
                "quote",
                "Tourists ask me where the sea went. I want them to ask what we are planting instead.",
                "Aziza Tajimuratova, guide, Moynaq",
            ),
            (
                "p",
                "Aziza Tajimuratova, who has guided groups to Moynaq for seven years, has started adding "
                'a stop at a saxaul nursery on the way back. "Tourists ask me where the sea went," she '
                'said. "I want them to ask what we are planting instead." Her clients, she says, now '
                "often stay an extra day.",
            ),
            (
                "p",
                "Tour operators and the regional authorities could make that the rule rather than the "
                "exception. A two-day route that pairs the ship cemetery with the nurseries, the water "
                "laboratory and a night with a fishing family would keep more money in Karakalpakstan. "
                "It would also give visitors a more honest account of the climate story they came to see.",
            ),
            (
                "p",
                "The Aral Sea will not return in our lifetimes. But the people who live beside its memory "
                "are not a backdrop. They are the most interesting part of the trip, and they should be "
                "paid accordingly.",
            ),
        ],
        "image": {
            "caption": "Dry seabed stretching towards the horizon near Moynaq",
            "credit": _CREDIT,
            "alt": "Stylised illustration of an empty desert plain under a hazy, pale sky",
            "seed": 538,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Нукус заслуживает большего, чем туры по местам аральской катастрофы",
            "standfirst": (
                "Туристы приезжают в Каракалпакстан, чтобы сфотографировать ржавые корабли на "
                "высохшем дне. Уезжать они должны, зная о людях, которые заново строят жизнь вокруг "
                "него."
            ),
            "body": [
                (
                    "p",
                    "Каждую весну микроавтобусы выезжают из Нукуса ещё до рассвета и направляются в "
                    "бывший порт Муйнак, где туристы фотографируют брошенные рыболовецкие суда и едут "
                    "дальше по бывшему морскому дну. В прошлом сезоне, по оценкам местных гидов, такую "
                    "поездку совершили около 9000 иностранцев. Большинство провели в Нукусе одну ночь и "
                    "увезли с собой ту же картину Аральского моря, с которой приехали.",
                ),
                (
                    "p",
                    "Эта картина правдива, но неполна. Вокруг Муйнака саксауловые посадки уже удерживают "
                    "солёную пыль на тысячах гектаров; в самом Нукусе небольшая лаборатория проверяет "
                    "питьевую воду для сёл в низовьях Амударьи; а женские кооперативы в Кунграде делают "
                    "изделия из верблюжьей шерсти, которые раскупают в Ташкенте. Ничего из этого нет в "
                    "стандартной программе тура.",
                ),
                (
                    "quote",
                    "Туристы спрашивают меня, куда ушло море. Я хочу, чтобы они спрашивали, что мы "
                    "сажаем вместо него.",
                    "Азиза Тажимуратова, гид, Муйнак",
                ),
                (
                    "p",
                    "Азиза Тажимуратова, которая семь лет возит группы в Муйнак, начала добавлять на "
                    "обратном пути остановку в питомнике саксаула. «Туристы спрашивают меня, куда ушло "
                    "море, — говорит она. — Я хочу, чтобы они спрашивали, что мы сажаем вместо него». "
                    "По её словам, теперь клиенты нередко остаются на лишний день.",
                ),
                (
                    "p",
                    "Туроператоры и региональные власти могли бы сделать это правилом, а не исключением. "
                    "Двухдневный маршрут, объединяющий кладбище кораблей с питомниками, водной "
                    "лабораторией и ночёвкой в семье рыбаков, оставил бы больше денег в Каракалпакстане. "
                    "А гости получили бы более честный рассказ о климатической истории, ради которой "
                    "приехали.",
                ),
                (
                    "p",
                    "Аральское море не вернётся при нашей жизни. Но люди, живущие рядом с памятью о нём, — "
                    "не декорация. Они — самая интересная часть поездки, и платить им нужно "
                    "соответственно.",
                ),
            ],
            "image": {
                "caption": "Высохшее морское дно тянется к горизонту у Муйнака",
                "credit": _CREDIT_RU,
                "alt": "Стилизованная иллюстрация пустой пустынной равнины под бледным, мглистым небом",
            },
        },
    },
    {
        "key": "opinion-06",
        "slug": "syr-darya-water-talks-need-published-numbers",
        "topic": "opinion",
        "countries": ["KG", "KZ"],
        "tags": ["water", "hydropower", "climate"],
        "authors": ["sergei-volkov", "bakyt-toktogulov"],
        "days_ago": 12,
        "hours": 9,
        "title": "Syr Darya water talks need published numbers, not annual slogans",
        "standfirst": (
            "Every spring, Bishkek and Astana agree in principle on how to share the river. Farmers "
            "downstream around Kyzylorda and engineers at Toktogul deserve to see the figures behind "
            "the handshake."
        ),
        "body": [
            (
                "p",
                "The ritual is familiar. Delegations meet in late March, praise good-neighbourly relations "
                "and sign a protocol on summer releases from the Toktogul reservoir in exchange for "
                "winter deliveries of coal and electricity. The protocol is rarely published in full, and "
                "by July, when the canals around Kyzylorda run low, nobody outside the ministries can say "
                "whether it was honoured.",
            ),
            (
                "p",
                "We have spent the past month reading what is public: reservoir bulletins, regional "
                "irrigation schedules and the gauging data at Shardara. The picture is of a system that "
                "works better than its reputation but worse than it could. In three of the last five "
                "summers, releases fell short of the agreed volume in the first half of July, exactly "
                "when rice paddies on the lower Syr Darya need the most water.",
            ),
            ("image", "The Toktogul reservoir in late winter, when its level is lowest", _CREDIT),
            (
                "p",
                "Upstream, the logic is just as real. Kyrgyzstan needs the reservoir's water to turn "
                'turbines in winter, when heating demand in Bishkek peaks. "People downstream think we '
                'are holding the water back," Almazbek Sydykov, an engineer at the Toktogul station, '
                'told us. "In January we are choosing between their summer and our radiators."',
            ),
            (
                "p",
                "A shared public dashboard would not solve that dilemma, but it would make it honest. "
                "Daily releases from Toktogul, inflows at Shardara and the coal and power delivered in "
                "return could be published in Kyrgyz, Kazakh, Russian and English. When everyone sees "
                "the same numbers, disputes become about the climate and the calendar, not suspicion.",
            ),
            (
                "p",
                "Glaciers feeding the Naryn and the upper Syr Darya are shrinking, and dry years will "
                "come more often. The two governments have built a working bargain over decades. Putting "
                "its numbers in daylight is the cheapest way to keep it working.",
            ),
        ],
        "image": {
            "caption": "The Syr Darya winding through the steppe at dusk",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a river winding across flat steppe under a dusk sky",
            "seed": 546,
            "palette": "dusk",
        },
        "featured": True,
        "updated_days_ago": 10,
        "ru": {
            "title": "Переговорам о воде Сырдарьи нужны открытые цифры, а не ежегодные лозунги",
            "standfirst": (
                "Каждую весну Бишкек и Астана в принципе договариваются о разделе реки. Фермеры в "
                "низовьях под Кызылордой и инженеры Токтогула заслуживают увидеть цифры, стоящие за "
                "рукопожатием."
            ),
            "body": [
                (
                    "p",
                    "Ритуал знаком. В конце марта встречаются делегации, хвалят добрососедские "
                    "отношения и подписывают протокол о летних попусках из Токтогульского водохранилища "
                    "в обмен на зимние поставки угля и электроэнергии. Протокол редко публикуют целиком, "
                    "и к июлю, когда мелеют каналы вокруг Кызылорды, никто за пределами министерств не "
                    "может сказать, был ли он выполнен.",
                ),
                (
                    "p",
                    "Весь последний месяц мы читали то, что находится в открытом доступе: бюллетени "
                    "водохранилища, региональные графики полива и данные гидропоста в Шардаре. Картина "
                    "такова: система работает лучше, чем о ней говорят, но хуже, чем могла бы. В три "
                    "лета из последних пяти попуски в первой половине июля не дотягивали до "
                    "согласованного объёма — как раз тогда, когда рисовым чекам в низовьях Сырдарьи "
                    "больше всего нужна вода.",
                ),
                (
                    "image",
                    "Токтогульское водохранилище в конце зимы, когда уровень воды самый низкий",
                    _CREDIT_RU,
                ),
                (
                    "p",
                    "Логика верховьев столь же реальна. Кыргызстану вода водохранилища нужна, чтобы "
                    "зимой вращать турбины, когда в Бишкеке пик спроса на отопление. «Внизу по течению "
                    "думают, что мы придерживаем воду, — сказал нам инженер Токтогульской станции "
                    "Алмазбек Сыдыков. — В январе мы выбираем между их летом и нашими батареями».",
                ),
                (
                    "p",
                    "Общая открытая панель данных не разрешила бы эту дилемму, но сделала бы её честной. "
                    "Ежедневные попуски из Токтогула, приток в Шардару и объёмы угля и электроэнергии, "
                    "поставленных взамен, можно публиковать на кыргызском, казахском, русском и "
                    "английском языках. Когда все видят одни и те же цифры, споры идут о климате и "
                    "календаре, а не о подозрениях.",
                ),
                (
                    "p",
                    "Ледники, питающие Нарын и верховья Сырдарьи, сокращаются, и засушливые годы будут "
                    "случаться чаще. Два правительства десятилетиями выстраивали работающую сделку. "
                    "Вынести её цифры на свет — самый дешёвый способ сохранить её в силе.",
                ),
            ],
            "image": {
                "caption": "Сырдарья петляет по степи в сумерках",
                "credit": _CREDIT_RU,
                "alt": "Стилизованная иллюстрация реки, петляющей по плоской степи под сумеречным небом",
            },
        },
    },
    {
        "key": "opinion-07",
        "slug": "remittances-built-khujand-houses-now-businesses",
        "topic": "opinion",
        "countries": ["TJ"],
        "tags": ["remittances", "migration", "startups"],
        "authors": ["zarina-karimova"],
        "days_ago": 16,
        "hours": 16,
        "title": "Remittances built Khujand's houses. Now they could build its businesses",
        "standfirst": (
            "Money sent home by migrant workers has transformed the city's suburbs. A few simple changes "
            "could turn some of it into local jobs."
        ),
        "body": [
            (
                "p",
                "Drive out of Khujand towards Gafurov and you pass street after street of two-storey "
                "houses, many of them unfinished, their upper floors waiting for the next transfer from "
                "abroad. Families here tell me that remittances cover roughly half of household spending "
                "in a typical year. Bricks are the safest investment most of them know.",
            ),
            (
                "p",
                "Safe, but not productive: a house employs nobody once the roof is on, and the young men "
                "who paid for it usually leave again in spring. Firuza Boboeva, who runs a small sewing "
                "workshop near the Panjshanbe bazaar, says she could hire six more people if she could "
                'borrow against the steady money her relatives send. "The bank sees the transfers every '
                'month," she said, "but it still asks me for a house as collateral."',
            ),
            ("h", "From transfers to credit"),
            (
                "p",
                "Lenders in Khujand could treat a record of regular remittances as a credit history in "
                "its own right. A returning migrant who has sent money home every month for five years "
                "has shown more financial discipline than many borrowers with payslips. A pilot scheme, "
                "backed by a small guarantee from the regional government, would quickly show whether "
                "the risk is as high as the banks assume.",
            ),
            (
                "p",
                "The diaspora brings skills as well as cash. Men who have spent a decade on building "
                "sites or in restaurant kitchens abroad come back with know-how in tiling, welding and "
                "catering. A business incubator for returnees in Khujand, offering bookkeeping help and "
                "a shared workshop, would give that experience somewhere to go.",
            ),
            (
                "p",
                "Migration will remain part of life in Sughd for years to come. The question is whether "
                "the money it brings keeps disappearing into concrete, or whether some of it begins to "
                "circulate as wages at home. That choice is more in local hands than it seems.",
            ),
        ],
        "image": {
            "caption": "Evening over the Syr Darya embankment in Khujand",
            "credit": _CREDIT,
            "alt": "Stylised illustration of low hills and a river under an evening sky",
            "seed": 551,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-08",
        "slug": "karakol-film-festival-shows-regional-cinema-future",
        "topic": "opinion",
        "countries": ["KG"],
        "tags": ["film", "tourism", "media"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 20,
        "hours": 18,
        "title": "A small film festival in Karakol shows what regional cinema can become",
        "standfirst": (
            "Four days of screenings on the shore of Issyk-Kul drew filmmakers from all five Central "
            "Asian countries. The festival's modest budget is its strength, and it should stay that way."
        ),
        "body": [
            (
                "p",
                "The main screen at this year's festival in Karakol was a canvas stretched between two "
                "poplars behind the town's old wooden houses, and the sound system was borrowed from a "
                "wedding hall. About 1,400 people came over four evenings, many of them families from "
                "nearby villages who had never seen a film by a Kazakh, Tajik or Turkmen director. I did "
                "not hear a single complaint about the seats.",
            ),
            (
                "p",
                "The programme was brave for its size: 27 short films and six features, most made on "
                "budgets smaller than a single television advertisement. The audience favourite was a "
                "40-minute drama about a shepherd's daughter who trains as a vet in Naryn, shot over two "
                "summers with a borrowed camera. Its director, Kanykei Osmonova, told me the festival was "
                "the first time she had watched her film with strangers.",
            ),
            ("image", "An open-air screen set up near the shore of Issyk-Kul", _CREDIT),
            (
                "p",
                '"In Bishkek people watch politely," Osmonova said. "Here they argued with the '
                "characters out loud.\" That reaction is the festival's real value. It gives regional "
                "filmmakers an audience that is not made up of other filmmakers, and it gives Karakol a "
                "reason for visitors to come after the summer beach season on Issyk-Kul.",
            ),
            (
                "p",
                "There will be pressure to grow: a bigger venue, a red carpet, sponsors who want their "
                "logos on the screen. Some of that is welcome. But the organisers should protect the free "
                "outdoor screenings and the rule that every film is shown at least once in a village hall "
                "outside town, because that is what sets the event apart from festivals in larger cities.",
            ),
            (
                "p",
                "Central Asian cinema does not lack talent. It lacks places where films meet the people "
                "they are about. Karakol has built one out of a canvas, two trees and a great deal of "
                "goodwill, and that is worth more than any red carpet.",
            ),
        ],
        "image": {
            "caption": "Night falls over Issyk-Kul and the mountains above Karakol",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a mountain lake under a starry night sky",
            "seed": 559,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Небольшой кинофестиваль в Караколе показывает, каким может стать региональное кино",
            "standfirst": (
                "Четыре дня показов на берегу Иссык-Куля собрали кинематографистов из всех пяти стран "
                "Центральной Азии. Скромный бюджет фестиваля — его сила, и так должно оставаться и "
                "впредь."
            ),
            "body": [
                (
                    "p",
                    "Главным экраном фестиваля в Караколе в этом году было полотно, натянутое между "
                    "двумя тополями за старыми деревянными домами города, а звуковую аппаратуру одолжили "
                    "в свадебном зале. За четыре вечера пришли около 1400 человек, многие — семьями из "
                    "соседних сёл, где никогда не видели фильмов казахских, таджикских или туркменских "
                    "режиссёров. Я не услышала ни одной жалобы на места.",
                ),
                (
                    "p",
                    "Программа была смелой для такого масштаба: 27 короткометражных и шесть "
                    "полнометражных фильмов, в основном снятых на бюджеты меньше стоимости одного "
                    "телевизионного рекламного ролика. Любимцем публики стала сорокаминутная драма о "
                    "дочери чабана, которая учится на ветеринара в Нарыне; её два лета снимали на "
                    "одолженную камеру. Режиссёр Каныкей Осмонова рассказала мне, что на фестивале "
                    "впервые смотрела свой фильм вместе с незнакомыми людьми.",
                ),
                ("image", "Экран под открытым небом у берега Иссык-Куля", _CREDIT_RU),
                (
                    "p",
                    "«В Бишкеке смотрят вежливо, — сказала Осмонова. — А здесь зрители вслух спорили с "
                    "героями». В такой реакции и заключается настоящая ценность фестиваля. Он даёт "
                    "региональным режиссёрам публику, которая состоит не из других режиссёров, а "
                    "Караколу — причину, по которой гости приезжают и после летнего пляжного сезона на "
                    "Иссык-Куле.",
                ),
                (
                    "p",
                    "Появится соблазн расти: большая площадка, красная дорожка, спонсоры, желающие "
                    "видеть свои логотипы на экране. Отчасти это можно только приветствовать. Но "
                    "организаторам стоит сохранить бесплатные показы под открытым небом и правило, по "
                    "которому каждый фильм хотя бы раз показывают в сельском клубе за городом, ведь "
                    "именно это отличает событие от фестивалей в больших городах.",
                ),
                (
                    "p",
                    "Центральноазиатскому кино хватает талантов. Ему не хватает мест, где фильмы "
                    "встречаются с людьми, о которых они сняты. Каракол построил такое место из полотна, "
                    "двух деревьев и огромной доброй воли, и это стоит больше любой красной дорожки.",
                ),
            ],
            "image": {
                "caption": "Ночь опускается на Иссык-Куль и горы над Караколом",
                "credit": _CREDIT_RU,
                "alt": "Стилизованная иллюстрация горного озера под звёздным ночным небом",
            },
        },
    },
    {
        "key": "opinion-09",
        "slug": "bukhara-restorers-need-time-not-deadlines",
        "topic": "opinion",
        "countries": ["UZ"],
        "tags": ["heritage", "tourism"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 24,
        "hours": 12,
        "title": "Bukhara's restorers need time, not deadlines",
        "standfirst": (
            "A rush to finish repairs before the next tourist season risks damaging the very buildings "
            "visitors come to see. Slower work would be better work."
        ),
        "body": [
            (
                "p",
                "On a scaffold above a courtyard in Bukhara's old town, a master plasterer named Shavkat "
                "Ergashev showed me two patches of wall side by side. One had been repaired last spring "
                "with a cement-based mix and was already cracking at the edges. The other had been done "
                "the traditional way, with clay, straw and ganch over three slow weeks, and it looked as "
                "if it had always been there.",
            ),
            (
                "p",
                "The difference is not only cosmetic. Cement traps moisture in old brick, and in a city "
                "where groundwater rises every summer, that moisture climbs into the walls and carries "
                "salt with it. Restorers in Bukhara and Samarkand have warned about this for years, yet "
                "contracts are still often written around opening dates rather than drying times.",
            ),
            (
                "quote",
                "A wall tells you when it is ready. A calendar does not.",
                "Shavkat Ergashev, master plasterer, Bukhara",
            ),
            (
                "p",
                '"A wall tells you when it is ready," Ergashev said. "A calendar does not." He trains '
                "four apprentices and worries that they are learning to work fast rather than well. The "
                "crafts that kept these buildings standing for five centuries are passed on by hand, and "
                "they cannot be hurried without being lost.",
            ),
            (
                "p",
                "Heritage officials could write contracts that pay for stages of work approved by an "
                "independent conservator, not for completion by a fixed date. They could also publish a "
                "list of approved materials for every listed building in the old towns of Bukhara, "
                "Samarkand and Khiva. Visitors are far more forgiving of a scaffold than of a ruined facade.",
            ),
            (
                "p",
                "Tourism is a blessing for these cities, and its income pays for much of the restoration. "
                "But the monuments are not stage sets to be repainted between performances. They are the "
                "reason anyone comes, and they deserve the patience of the people who built them.",
            ),
        ],
        "image": {
            "caption": "Domes and minarets of Bukhara in the midday heat",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a desert plain with distant rounded hills under a noon sky",
            "seed": 564,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-10",
        "slug": "dashoguz-farmers-watch-the-amu-darya",
        "topic": "opinion",
        "countries": ["TM"],
        "tags": ["water", "cotton", "climate"],
        "authors": ["maral-annayeva"],
        "days_ago": 29,
        "hours": 7,
        "title": "Dashoguz farmers are right to watch the Amu Darya so closely",
        "standfirst": (
            "In the north of Turkmenistan, every centimetre of the river's level shapes the cotton "
            "harvest. Better water measurement would help more than new canals."
        ),
        "body": [
            (
                "p",
                "In the villages around Dashoguz, conversation in late spring turns to a single subject: "
                "how much water will come down the Amu Darya this year. Farmers check the level at the "
                "headworks the way city dwellers check the weather forecast. Last year, several told me, "
                "the water arrived three weeks late, and cotton sown in April had to be resown in May.",
            ),
            (
                "p",
                "The region sits at the far end of a very long river. By the time the Amu Darya reaches "
                "the Dashoguz oasis, it has been drawn on by fields in four countries, and every loss "
                "along the way, through leaking canals or evaporation from open ditches, is felt here "
                'first. "We are last in the queue, and if there is a mistake upstream, we pay for it," '
                "said Bahar Gurbanova, who farms with her brothers near Gubadag.",
            ),
            ("h", "Measure before you build"),
            (
                "p",
                "The usual answer is to dig new canals or deepen old ones. But much of the water in the "
                "Dashoguz network is lost between the main canal and the field, in earth channels that "
                "have not been lined for decades. Farmers have no meters at their field gates, so nobody "
                "knows precisely how much each plot receives or wastes.",
            ),
            (
                "p",
                "Simple flow meters at the outlets of secondary canals, read weekly and posted at the "
                "village council, would change that. Trials elsewhere in the Amu Darya basin have cut "
                "water use per hectare by around a fifth without lowering yields, mostly by showing "
                "farmers when and where water was being lost.",
            ),
            (
                "p",
                "The climate in the lower basin is getting hotter, and the river will not grow. The "
                "cotton harvest in Dashoguz will depend less on how many canals are dug than on how "
                "carefully each cubic metre is counted. That is unglamorous work, and the most urgent kind.",
            ),
        ],
        "image": {
            "caption": "Irrigated fields on the edge of the desert near Dashoguz",
            "credit": _CREDIT,
            "alt": "Stylised illustration of flat fields fading into a sandy desert horizon",
            "seed": 572,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": 27,
    },
    {
        "key": "opinion-11",
        "slug": "karaganda-winter-heating-bills-test-energy-policy",
        "topic": "opinion",
        "countries": ["KZ"],
        "tags": ["energy", "climate", "health"],
        "authors": ["sergei-volkov"],
        "days_ago": 35,
        "hours": 19,
        "title": "Karaganda's winter heating bills are the real test of energy policy",
        "standfirst": (
            "Talk of an energy transition means little in a city where old pipes and coal stoves still "
            "decide whether a family stays warm. Start with the radiators."
        ),
        "body": [
            (
                "p",
                "In the Maikuduk district of Karaganda, the heating season runs from October to late "
                "April, and for many households it is the biggest single expense of the year. Valentina "
                "Kruglova, a pensioner I visited on a January evening, keeps her flat at 17 degrees and "
                "wears a coat in the kitchen. Her heating charge, she showed me, has risen by almost a "
                "third in two years.",
            ),
            (
                "p",
                "The city's district heating network was built for a coal economy, and much of it has not "
                "been renewed since. Engineers at the municipal utility estimate that up to 30 percent of "
                "the heat produced is lost in the pipes before it reaches a radiator. Meanwhile, in the "
                "private-house districts on the edge of town, families burn low-grade coal in home stoves, "
                "and smog settles over the city on windless days.",
            ),
            (
                "quote",
                "We pay to warm the street before we warm the flat.",
                "Valentina Kruglova, pensioner, Karaganda",
            ),
            (
                "p",
                '"We pay to warm the street before we warm the flat," Kruglova said, and she is not '
                "wrong. Every gigacalorie lost underground is paid for twice: once in tariffs, and once "
                "in the coal smoke that local doctors link to the rise in winter respiratory illness.",
            ),
            (
                "p",
                "A serious energy policy for Karaganda would begin with insulation and pipes, not with "
                "headline power projects. Replacing the worst sections of the heating mains, fitting "
                "building-level heat meters and offering grants to insulate Soviet-era apartment blocks "
                "would cut both bills and emissions. For private houses, an income-linked scheme to swap "
                "coal stoves for heat pumps or gas boilers would clear the air faster than any ban.",
            ),
            (
                "p",
                "None of this is glamorous, and none of it will be opened with a ribbon. But in a city of "
                "half a million people, the warmth of a kitchen in January is where energy policy becomes "
                "real. That is where it should be judged.",
            ),
        ],
        "image": {
            "caption": "A frosty morning over the steppe outside Karaganda",
            "credit": _CREDIT,
            "alt": "Stylised illustration of a flat snowy steppe under a cold, pale sky",
            "seed": 580,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-12",
        "slug": "khujand-tashkent-border-markets-are-working",
        "topic": "opinion",
        "countries": ["TJ", "UZ"],
        "tags": ["trade", "transport", "migration"],
        "authors": ["farrukh-nazarov", "dilnoza-rakhimova"],
        "days_ago": 44,
        "hours": 13,
        "title": "The reopened markets between Khujand and Tashkent are working. Keep them open",
        "standfirst": (
            "Cross-border trade in the Fergana Valley has revived faster than anyone predicted. The "
            "challenge now is to make it routine rather than a special occasion."
        ),
        "body": [
            (
                "p",
                "A few years ago the road from Khujand to Tashkent was a journey of permits and long "
                "waits. Today the crossing at Oybek handles more than 4,000 travellers on a busy Saturday, "
                "and the bazaars on both sides are full of traders who had not seen each other's goods "
                "for a generation. We spent a weekend travelling the route in both directions.",
            ),
            (
                "p",
                "On the Uzbek side, stallholders in Bekabad sell Tajik dried fruit and honey from the "
                "Zarafshan valley. In Khujand, shoppers buy Uzbek textiles, kitchenware and car parts, "
                'often cheaper than the same goods imported from further away. "My customers come from '
                'both sides now, and half of them switch languages in the middle of bargaining," said '
                "Mukhabbat Yusupova, who sells fabric at the Panjshanbe market.",
            ),
            ("image", "The road through the Fergana Valley towards the border crossing", _CREDIT),
            (
                "p",
                "The friction that remains is mostly paperwork. Traders face different rules on how much "
                "they can carry duty-free, and veterinary certificates for food are issued separately in "
                "each country. A joint list of goods that small traders can carry without a declaration, "
                "and a single certificate valid on both sides, would remove most of the remaining queues.",
            ),
            (
                "p",
                "There is a human dividend too. Families divided by the border now attend each other's "
                "weddings and funerals without planning months ahead, and more young people from Khujand "
                "are applying to universities in Tashkent. Migration across this border used to mean "
                "leaving; now it often means a day trip.",
            ),
            (
                "p",
                "Relations in the valley have had their cold years, and nothing guarantees that the "
                "warmth will last. The best protection is to make open trade so ordinary, so woven into "
                "daily life, that closing the road again would be unthinkable on both sides.",
            ),
        ],
        "image": {
            "caption": "Orchards and hills of the western Fergana Valley at dawn",
            "credit": _CREDIT,
            "alt": "Stylised illustration of gentle hills and orchards under a pink dawn sky",
            "seed": 588,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "opinion-13",
        "slug": "naryn-local-election-won-on-a-school-roof",
        "topic": "opinion",
        "countries": ["KG"],
        "tags": ["elections", "education", "mountains"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 59,
        "hours": 17,
        "title": "In Naryn, a local election was won on the question of a school roof",
        "standfirst": (
            "The vote for the town council drew little national attention. It showed what happens when "
            "candidates argue about something voters can see from their windows."
        ),
        "body": [
            (
                "p",
                "The local council elections in Naryn last month made no national headlines and changed "
                "nothing in the balance of power in Bishkek. Yet turnout in the town reached 58 percent, "
                "well above the national average for local polls, and the campaign was fought almost "
                "entirely over one building: School No. 4, whose roof has leaked for three winters.",
            ),
            (
                "p",
                "The winning list, made up of teachers, a vet and two shopkeepers, printed a single "
                "leaflet with a photograph of buckets in a classroom and a costed plan to repair the roof "
                "before October. Their opponents offered a longer programme on tourism, roads and youth "
                "sport. Voters, it seems, preferred a promise they could check from the street.",
            ),
            (
                "p",
                '"My children sat at their desks in coats in December," said Cholpon Abdrakhmanova, a '
                'mother of three who had never voted in a local election before. "When someone tells me '
                'exactly how they will fix that, and by which month, I go and vote." I heard versions of '
                "that sentence in almost every conversation I had in Naryn.",
            ),
            (
                "p",
                "There is a lesson here for every party preparing for the next national campaign. In "
                "mountain towns where winters are long and budgets are small, politics becomes credible "
                "when it is specific. A road, a clinic, a school heating system: these are things people "
                "can measure, and candidates who name them take a risk that voters respect.",
            ),
            (
                "p",
                "The new council now has to deliver, and the first frosts come early at 2,000 metres. If "
                "the roof is fixed by October, Naryn will have shown that a small election can be a "
                "serious one. If not, the voters who turned out this time will remember that too.",
            ),
        ],
        "image": {
            "caption": "Evening over the mountains around Naryn",
            "credit": _CREDIT,
            "alt": "Stylised illustration of layered mountain ridges around a narrow valley at dusk",
            "seed": 595,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "В Нарыне местные выборы выиграли на вопросе о школьной крыше",
            "standfirst": (
                "Голосование в городской кенеш почти не привлекло внимания в масштабах страны. Зато "
                "оно показало, что бывает, когда кандидаты спорят о том, что избиратели видят из своих "
                "окон."
            ),
            "body": [
                (
                    "p",
                    "Местные выборы в Нарыне в прошлом месяце не попали в общенациональные заголовки и "
                    "ничего не изменили в раскладе сил в Бишкеке. Тем не менее явка в городе составила "
                    "58 процентов — заметно выше средней по стране на местных выборах, — а кампания почти "
                    "целиком велась вокруг одного здания: школы № 4, крыша которой протекает уже три зимы.",
                ),
                (
                    "p",
                    "Победивший список — учителя, ветеринар и двое владельцев магазинов — выпустил "
                    "одну-единственную листовку с фотографией вёдер в классе и просчитанным планом "
                    "ремонта крыши до октября. Их соперники предложили более длинную программу о "
                    "туризме, дорогах и детском спорте. Похоже, избиратели предпочли обещание, которое "
                    "можно проверить, просто выйдя на улицу.",
                ),
                (
                    "p",
                    "«В декабре мои дети сидели за партами в пальто, — сказала Чолпон Абдрахманова, мать "
                    "троих детей, которая раньше никогда не голосовала на местных выборах. — Когда мне "
                    "точно говорят, как это исправят и к какому месяцу, я иду голосовать». Вариации этой "
                    "фразы я слышал почти в каждом разговоре в Нарыне.",
                ),
                (
                    "p",
                    "Здесь есть урок для каждой партии, которая готовится к следующей общенациональной "
                    "кампании. В горных городах, где зимы долгие, а бюджеты маленькие, политика "
                    "становится убедительной, когда она конкретна. Дорога, поликлиника, школьное "
                    "отопление — всё это люди могут измерить, и кандидаты, которые называют такие вещи, "
                    "идут на риск, который избиратели уважают.",
                ),
                (
                    "p",
                    "Теперь новому кенешу предстоит выполнить обещание, а первые заморозки на высоте "
                    "2000 метров приходят рано. Если крышу починят к октябрю, Нарын покажет, что и "
                    "небольшие выборы могут быть серьёзными. Если нет, избиратели, пришедшие на участки "
                    "в этот раз, запомнят и это.",
                ),
            ],
            "image": {
                "caption": "Вечер над горами вокруг Нарына",
                "credit": _CREDIT_RU,
                "alt": "Стилизованная иллюстрация многослойных горных хребтов вокруг узкой долины в сумерках",
            },
        },
    },
]
