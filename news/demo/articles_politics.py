"""Politics articles for the demo newsroom "The Steppe Courier".

Everything in this module is fictional demo content written for the steppe platform. The people,
quotes, figures and events are invented; only the place names are real. Nothing here should be read
as reporting on actual events.
"""

CREDIT = "Illustration: Steppe Courier demo"
CREDIT_RU = "Иллюстрация: демо Steppe Courier"

ARTICLES: list[dict] = [
    {
        "key": "politics-01",
        "slug": "karaganda-villages-vote-in-first-direct-akim-elections",
        "topic": "politics",
        "countries": ["KZ"],
        "tags": ["elections", "parliament"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 0,
        "hours": 9,
        "title": "Villages around Karaganda vote in first direct elections for rural akims",
        "standfirst": (
            "Eleven candidates are competing for four posts in a vote that lawmakers in Astana see as a "
            "test for wider local elections."
        ),
        "body": [
            (
                "p",
                "Polling stations across four rural districts outside Karaganda opened at 7 a.m. on Sunday "
                "as residents chose their akims directly for the first time. The regional election "
                "commission said 212 stations were staffed by more than 1,900 volunteers, and turnout "
                "reached 38 percent by midday. Eleven candidates are competing for the four posts, "
                "including two former school directors and a veterinarian.",
            ),
            ("h", "Roads, heating and water"),
            (
                "p",
                "Campaigning has focused on everyday concerns rather than national themes. In the village "
                "of Botakara, candidates debated winter heating tariffs, a gravel road that floods every "
                "April and a water main laid in the 1970s. Several of them promised to publish district "
                "budgets online every quarter.",
            ),
            (
                "quote",
                "We used to learn who our akim was from the regional newspaper. This time we argued with "
                "the candidates face to face.",
                "Saule Bekmukhanova, a pensioner in Botakara",
            ),
            (
                "p",
                "Observers from a coalition of civic groups in Astana said they had deployed 140 monitors "
                "and received only minor procedural complaints, mostly about voters missing from updated "
                "rolls. The commission said such residents could still vote after showing proof of "
                "residence at their local station. Preliminary results are expected on Monday morning.",
            ),
            (
                "p",
                "Members of parliament who drafted the reform say the rural vote is a test before direct "
                "elections are extended to larger towns. Arman Zhaksylykov, a Mazhilis deputy who chairs a "
                "working group on local government, told the Courier that turnout above 50 percent would "
                "make the case for expansion “very hard to argue against”.",
            ),
            (
                "p",
                "Not everyone is convinced. Some residents complained that rural akims still control only "
                "a small share of local spending, with most funds allocated by the regional administration "
                "in Karaganda. “A direct vote is welcome, but the money still travels the old road,” said "
                "farmer Nurlan Iskakov.",
            ),
        ],
        "image": {
            "caption": "Polling day in the villages around Karaganda",
            "credit": CREDIT,
            "alt": "Stylised illustration of open steppe under a pale morning sky",
            "seed": 101,
            "palette": "dawn",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Сёла вокруг Караганды впервые голосуют на прямых выборах сельских акимов",
            "standfirst": (
                "Одиннадцать кандидатов борются за четыре должности; депутаты в Астане считают это "
                "голосование проверкой перед расширением местных выборов."
            ),
            "body": [
                (
                    "p",
                    "В воскресенье в 7 утра в четырёх сельских округах под Карагандой открылись "
                    "избирательные участки: жители впервые выбирают своих акимов напрямую. По данным "
                    "областной избирательной комиссии, на 212 участках работают более 1900 добровольцев, "
                    "а к полудню явка достигла 38 процентов. На четыре должности претендуют одиннадцать "
                    "кандидатов, среди них два бывших директора школ и ветеринар.",
                ),
                ("h", "Дороги, отопление и вода"),
                (
                    "p",
                    "Предвыборная кампания касалась повседневных забот, а не общенациональных тем. В селе "
                    "Ботакара кандидаты спорили о зимних тарифах на отопление, о грунтовой дороге, которую "
                    "каждый апрель заливает паводком, и о водопроводе, проложенном ещё в 1970-х годах. "
                    "Некоторые из них пообещали ежеквартально публиковать бюджет округа в интернете.",
                ),
                (
                    "quote",
                    "Раньше мы узнавали, кто наш аким, из областной газеты. На этот раз мы спорили с "
                    "кандидатами лицом к лицу.",
                    "Сауле Бекмуханова, пенсионерка из Ботакары",
                ),
                (
                    "p",
                    "Наблюдатели от коалиции общественных организаций из Астаны сообщили, что направили на "
                    "участки 140 человек и получили лишь незначительные жалобы на процедуру — в основном "
                    "от избирателей, которых не оказалось в обновлённых списках. В комиссии пояснили, что "
                    "такие жители всё равно могут проголосовать, предъявив на своём участке подтверждение "
                    "места жительства. Предварительные итоги ожидаются в понедельник утром.",
                ),
                (
                    "p",
                    "Депутаты, разработавшие реформу, называют сельское голосование проверкой перед тем, "
                    "как прямые выборы распространятся на более крупные города. Депутат Мажилиса Арман "
                    "Жаксылыков, возглавляющий рабочую группу по местному самоуправлению, сказал Courier, "
                    "что при явке выше 50 процентов против расширения реформы «будет очень трудно "
                    "возразить».",
                ),
                (
                    "p",
                    "Убеждены не все. Некоторые жители жалуются, что сельские акимы по-прежнему "
                    "распоряжаются лишь небольшой частью местных расходов, а основные средства распределяет "
                    "областной акимат в Караганде. «Прямые выборы — это хорошо, но деньги по-прежнему идут "
                    "старой дорогой», — говорит фермер Нурлан Искаков.",
                ),
            ],
            "image": {
                "caption": "День голосования в сёлах вокруг Караганды",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация открытой степи под бледным утренним небом",
            },
        },
    },
    {
        "key": "politics-02",
        "slug": "kazakhstan-and-uzbekistan-agree-syr-darya-water-schedule",
        "topic": "politics",
        "countries": ["KZ", "UZ"],
        "tags": ["water", "cotton", "climate"],
        "authors": ["aigerim-sadykova", "dilnoza-rakhimova"],
        "days_ago": 1,
        "hours": 17,
        "title": "Kazakhstan and Uzbekistan agree summer water schedule for the Syr Darya",
        "standfirst": (
            "A deal reached in Tashkent guarantees minimum flows into the Shardara reservoir during July "
            "and, for the first time, daily publication of river data."
        ),
        "body": [
            (
                "p",
                "Negotiators meeting in Tashkent have agreed a schedule for water releases along the Syr "
                "Darya for the June to August irrigation season, ending three weeks of talks. Under the "
                "deal, inflow into the Shardara reservoir in southern Kazakhstan will not fall below 420 "
                "cubic metres per second in July, when cotton and rice fields in Turkestan region need the "
                "most water.",
            ),
            (
                "p",
                "Uzbek officials agreed to delay filling some reservoirs in the Fergana Valley by two weeks "
                "in exchange for Kazakh commitments on electricity supplies in the autumn. A joint "
                "commission will publish daily flow figures from six gauging stations, a first for the "
                "river.",
            ),
            ("h", "A drier spring"),
            (
                "p",
                "Hydrologists warned in April that snowpack in the Tien Shan was about 15 percent below the "
                "long-term average, raising fears of shortages in the lower reaches. Farmers in Turkestan "
                "region had already switched several thousand hectares from rice to less thirsty crops "
                "such as mung beans and sorghum.",
            ),
            (
                "p",
                "“Every summer we wait for the canal the way we wait for rain,” said Bakhyt Ospanov, who "
                "heads a water users' association near the town of Shardara. “If the numbers are published "
                "daily, at least we can plan when to sow and when to stop.”",
            ),
            (
                "p",
                "The agreement also creates a small working group on the northern Aral Sea, which depends "
                "on whatever water reaches the end of the Syr Darya. Scientists in Kyzylorda welcomed the "
                "step but said releases in late summer would matter most for fish stocks.",
            ),
        ],
        "image": {
            "caption": "Irrigation canals along the Syr Darya in Turkestan region",
            "credit": CREDIT,
            "alt": "Stylised illustration of a river winding through flat farmland at noon",
            "seed": 114,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Казахстан и Узбекистан согласовали летний график попусков воды по Сырдарье",
            "standfirst": (
                "Соглашение, достигнутое в Ташкенте, гарантирует минимальный приток в Шардаринское "
                "водохранилище в июле и впервые предусматривает ежедневную публикацию данных о реке."
            ),
            "body": [
                (
                    "p",
                    "Переговорщики, встречавшиеся в Ташкенте, согласовали график попусков воды по Сырдарье "
                    "на поливной сезон с июня по август, завершив трёхнедельные переговоры. По условиям "
                    "соглашения приток в Шардаринское водохранилище на юге Казахстана в июле не опустится "
                    "ниже 420 кубометров в секунду — именно в этот месяц хлопковым и рисовым полям "
                    "Туркестанской области нужно больше всего воды.",
                ),
                (
                    "p",
                    "Узбекская сторона согласилась на две недели отложить наполнение ряда водохранилищ в "
                    "Ферганской долине в обмен на обязательства Казахстана по поставкам электроэнергии "
                    "осенью. Совместная комиссия будет ежедневно публиковать данные о расходе воды с шести "
                    "гидропостов — для этой реки такое происходит впервые.",
                ),
                ("h", "Засушливая весна"),
                (
                    "p",
                    "Ещё в апреле гидрологи предупреждали, что снежный покров в Тянь-Шане примерно на 15 "
                    "процентов ниже многолетней нормы, и это вызвало опасения нехватки воды в низовьях. "
                    "Фермеры Туркестанской области уже перевели несколько тысяч гектаров из-под риса под "
                    "менее влаголюбивые культуры, такие как маш и сорго.",
                ),
                (
                    "p",
                    "«Каждое лето мы ждём воду в канале так же, как ждём дождя, — говорит Бахыт Оспанов, "
                    "возглавляющий ассоциацию водопользователей возле города Шардара. — Если цифры будут "
                    "публиковать каждый день, мы хотя бы сможем планировать, когда сеять, а когда "
                    "остановиться».",
                ),
                (
                    "p",
                    "Соглашение также создаёт небольшую рабочую группу по Северному Аралу, который зависит "
                    "от того, сколько воды доходит до устья Сырдарьи. Учёные в Кызылорде приветствовали "
                    "этот шаг, но отметили, что для рыбных запасов важнее всего попуски в конце лета.",
                ),
            ],
            "image": {
                "caption": "Оросительные каналы вдоль Сырдарьи в Туркестанской области",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация реки, петляющей среди равнинных полей в полдень",
            },
        },
    },
    {
        "key": "politics-03",
        "slug": "kyrgyz-parliament-approves-naryn-hydropower-financing",
        "topic": "politics",
        "countries": ["KG"],
        "tags": ["parliament", "hydropower", "energy"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 3,
        "hours": 8,
        "title": "Kyrgyz parliament approves financing for Naryn hydropower cascade",
        "standfirst": (
            "Three plants on the upper Naryn River could ease winter blackouts, but opposition deputies "
            "want the loan contracts made public."
        ),
        "body": [
            (
                "p",
                "The Jogorku Kenesh on Wednesday approved a financing plan for a cascade of three "
                "medium-sized hydropower plants on the upper Naryn River, voting 71 to 12 after a debate "
                "that ran past midnight. The plants, with a combined capacity of 340 megawatts, are "
                "expected to cost about 620 million dollars and would be built in stages over seven years.",
            ),
            (
                "p",
                "Supporters say the project would ease the winter power shortages that have led to rolling "
                "blackouts in Bishkek and Osh in recent years. The energy ministry estimates that the "
                "cascade could cover roughly a tenth of the country's winter demand once completed.",
            ),
            ("image", "The upper Naryn valley, where the three plants would be built", CREDIT),
            (
                "p",
                "Opposition deputies questioned the terms of the loans, which would come from a consortium "
                "of regional development banks at interest rates the government has not fully disclosed. "
                "Deputy Aizada Musaeva demanded that the contracts be published before the first "
                "construction tender is announced.",
            ),
            (
                "p",
                "In the town of Naryn, residents are cautiously hopeful. “Our children leave for Bishkek or "
                "for Russia because there is no work here,” said Kubanychbek Asanov, who runs a small "
                "guesthouse. “If the construction brings jobs for local people, not only for outside "
                "contractors, we will support it.”",
            ),
            (
                "p",
                "Downstream neighbours are watching closely. Officials in Tashkent have said that any new "
                "reservoirs on the Naryn, which becomes the Syr Darya after joining the Kara Darya in the "
                "Fergana Valley, should operate under schedules agreed with the countries that depend on "
                "its summer flow.",
            ),
        ],
        "image": {
            "caption": "The Naryn River cuts through the Tien Shan",
            "credit": CREDIT,
            "alt": "Stylised illustration of a mountain river valley under a winter sky",
            "seed": 127,
            "palette": "snow",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Парламент Кыргызстана одобрил финансирование каскада ГЭС на Нарыне",
            "standfirst": (
                "Три станции на верхнем Нарыне могут сократить зимние отключения света, однако "
                "оппозиционные депутаты требуют обнародовать кредитные договоры."
            ),
            "body": [
                (
                    "p",
                    "В среду Жогорку Кенеш 71 голосом против 12 одобрил план финансирования каскада из трёх "
                    "средних гидроэлектростанций на верхнем Нарыне; дебаты затянулись за полночь. "
                    "Суммарная мощность станций составит 340 мегаватт, ожидаемая стоимость — около 620 "
                    "миллионов долларов, а строить их будут поэтапно в течение семи лет.",
                ),
                (
                    "p",
                    "Сторонники проекта считают, что он поможет справиться с зимним дефицитом "
                    "электроэнергии, из-за которого в последние годы в Бишкеке и Оше вводились веерные "
                    "отключения. По оценке министерства энергетики, после завершения строительства каскад "
                    "сможет покрывать примерно десятую часть зимнего потребления страны.",
                ),
                ("image", "Долина верхнего Нарына, где планируется построить три станции", CREDIT_RU),
                (
                    "p",
                    "Оппозиционные депутаты поставили под сомнение условия кредитов, которые предоставит "
                    "консорциум региональных банков развития под проценты, не раскрытые правительством "
                    "полностью. Депутат Айзада Мусаева потребовала опубликовать договоры до объявления "
                    "первого тендера на строительство.",
                ),
                (
                    "p",
                    "Жители города Нарын настроены осторожно-оптимистично. «Наши дети уезжают в Бишкек или "
                    "в Россию, потому что здесь нет работы, — говорит Кубанычбек Асанов, владелец "
                    "небольшого гостевого дома. — Если стройка даст работу местным, а не только приезжим "
                    "подрядчикам, мы её поддержим».",
                ),
                (
                    "p",
                    "Соседи, расположенные ниже по течению, внимательно следят за проектом. В Ташкенте "
                    "ранее заявляли, что любые новые водохранилища на Нарыне, который после слияния с "
                    "Карадарьёй в Ферганской долине становится Сырдарьёй, должны работать по графикам, "
                    "согласованным со странами, зависящими от его летнего стока.",
                ),
            ],
            "image": {
                "caption": "Река Нарын прорезает хребты Тянь-Шаня",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация горной речной долины под зимним небом",
            },
        },
    },
    {
        "key": "politics-04",
        "slug": "land-swap-settled-for-osh-andijan-rail-link",
        "topic": "politics",
        "countries": ["KG", "UZ"],
        "tags": ["railways", "transport", "trade"],
        "authors": ["bakyt-toktogulov", "dilnoza-rakhimova"],
        "days_ago": 6,
        "hours": 11,
        "title": "Border commission settles final land swap for Osh–Andijan rail link",
        "standfirst": (
            "Kyrgyz and Uzbek surveyors have agreed the last 38 hectares needed for a line that would "
            "carry freight across the Fergana Valley."
        ),
        "body": [
            (
                "p",
                "Surveyors from Kyrgyzstan and Uzbekistan have agreed the final land exchange needed to "
                "complete a 64-kilometre rail link between Osh and Andijan, the joint border commission "
                "announced on Friday. The swap involves 38 hectares of pasture and orchard near the "
                "frontier, with each side receiving plots of equal area and comparable irrigation access.",
            ),
            (
                "p",
                "The line is the last missing section of a corridor that would let freight travel from "
                "western China through the Fergana Valley and on towards Tashkent and the Caspian. Planners "
                "expect it to carry up to 4 million tonnes a year by the end of the decade, mostly fruit, "
                "cement and consumer goods.",
            ),
            (
                "quote",
                "For thirty years the trucks have queued at the crossing. A train does not wait two days "
                "in the August heat.",
                "Rustam Yuldashev, a freight forwarder in Andijan",
            ),
            (
                "p",
                "Families living along the route were consulted at meetings in Kara-Suu and the surrounding "
                "villages. Local officials say 46 households will be compensated for land or buildings, and "
                "that the commission has promised to keep two cattle crossings open beneath the tracks.",
            ),
            (
                "p",
                "Construction crews are expected to start laying track in the spring, with a target opening "
                "date in two years. Traders in Osh say cheaper freight could lower prices at the city's "
                "bazaars, although some worry about competition from imports arriving by rail.",
            ),
        ],
        "image": {
            "caption": "Orchards and pasture along the planned Osh–Andijan line",
            "credit": CREDIT,
            "alt": "Stylised illustration of rolling foothills and orchards at dawn",
            "seed": 133,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
    },
]

ARTICLES += [
    {
        "key": "politics-05",
        "slug": "khorog-reopens-consultations-on-pamir-tourism-levy",
        "topic": "politics",
        "countries": ["TJ"],
        "tags": ["tourism", "mountains", "transport"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 9,
        "hours": 14,
        "title": "Khorog reopens consultations on a tourism levy for the Pamir Highway",
        "standfirst": (
            "Guesthouse owners in the Pamir support the aim of the levy but want most of the money spent in "
            "the villages where visitors stay."
        ),
        "body": [
            (
                "p",
                "The town council in Khorog has reopened public consultations on a proposed levy on foreign "
                "visitors travelling the Pamir Highway, after guesthouse owners said an earlier draft had "
                "been rushed. The levy, set at 5 dollars a night in the first version, would pay for road "
                "repairs, waste collection and a mountain rescue post in Ishkashim district.",
            ),
            (
                "p",
                "Tourist numbers in Gorno-Badakhshan have grown steadily, with the regional tourism office "
                "counting about 31,000 foreign arrivals last season, most of them cyclists and drivers on "
                "overland journeys. Many stay in family homes in the Wakhan and Bartang valleys, where "
                "income from guests has become an important supplement to farming.",
            ),
            ("h", "Who pays, and for what"),
            (
                "p",
                "Guesthouse owners say they support the aim but want the money spent locally. “If a "
                "visitor pays in Langar, the rubbish bins should be in Langar, not only in Khorog,” said "
                "Mehrangez Shozodaeva, who hosts travellers in her family's traditional Pamiri house.",
            ),
            (
                "p",
                "The revised draft, to be discussed at open meetings in three districts next month, would "
                "send 60 percent of receipts to the villages where visitors spend the night. Council "
                "members also plan to exempt students and researchers working on glacier and climate "
                "projects in the Pamir.",
            ),
        ],
        "image": {
            "caption": "The Pamir Highway above the Panj valley",
            "credit": CREDIT,
            "alt": "Stylised illustration of high snowy mountains and a winding road",
            "seed": 142,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "politics-06",
        "slug": "tajikistan-and-turkmenistan-sign-electricity-for-gas-swap",
        "topic": "politics",
        "countries": ["TJ", "TM"],
        "tags": ["energy", "hydropower", "trade", "water"],
        "authors": ["farrukh-nazarov", "maral-annayeva"],
        "days_ago": 13,
        "hours": 10,
        "title": "Tajikistan and Turkmenistan sign summer electricity-for-gas swap",
        "standfirst": (
            "Tajik hydropower will flow south-west in summer and Turkmen gas will help Dushanbe through the "
            "winter under a five-year deal signed in Ashgabat."
        ),
        "body": [
            (
                "p",
                "Energy ministers from Tajikistan and Turkmenistan signed an agreement in Ashgabat on "
                "Tuesday under which Tajik hydropower plants will export surplus summer electricity in "
                "exchange for winter deliveries of natural gas. The deal covers up to 1.5 billion "
                "kilowatt-hours a year for five years, transmitted through the regional grid under a "
                "transit arrangement with Uzbekistan.",
            ),
            (
                "p",
                "Tajikistan generates most of its power from dams on the Vakhsh and other rivers fed by "
                "Pamir glaciers, producing a surplus when snowmelt peaks between June and August. In "
                "winter, when river flows fall, households in Dushanbe and Khujand often face power "
                "restrictions, and officials hope gas will help close the gap.",
            ),
            ("image", "A reservoir in the Vakhsh valley at the height of the snowmelt season", CREDIT),
            (
                "p",
                "For Turkmenistan, the electricity would help meet rising summer demand for air "
                "conditioning and water pumping in Mary and Lebap provinces, where temperatures regularly "
                "exceed 45 degrees. Turkmen officials said the imports would also allow several gas-fired "
                "power plants to undergo maintenance during the hottest months.",
            ),
            (
                "p",
                "“Our rivers are strongest when our neighbours are hottest, and their gas is most useful "
                "when our rivers are frozen,” said Firuz Jumaev, an energy economist in Dushanbe. “On "
                "paper it is a natural fit. The real test is whether the transit lines can carry the load "
                "in July.”",
            ),
            (
                "p",
                "Both governments said the agreement would not affect existing water-sharing arrangements "
                "on the Amu Darya, which supplies irrigation canals across Turkmenistan. Environmental "
                "groups have asked for dam release schedules to be published so that downstream farmers "
                "can plan their planting.",
            ),
        ],
        "image": {
            "caption": "Power lines and mountain rivers link the two economies",
            "credit": CREDIT,
            "alt": "Stylised illustration of river valleys below snow-capped peaks at dusk",
            "seed": 150,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Таджикистан и Туркменистан договорились обменивать летнюю электроэнергию на газ",
            "standfirst": (
                "По пятилетнему соглашению, подписанному в Ашхабаде, летом Таджикистан будет поставлять "
                "соседу электроэнергию своих ГЭС, а туркменский газ поможет Душанбе пережить зиму."
            ),
            "body": [
                (
                    "p",
                    "Во вторник министры энергетики Таджикистана и Туркменистана подписали в Ашхабаде "
                    "соглашение, по которому таджикские ГЭС будут экспортировать летние излишки "
                    "электроэнергии в обмен на зимние поставки природного газа. Соглашение рассчитано на "
                    "пять лет и предусматривает до 1,5 миллиарда киловатт-часов в год, которые будут "
                    "передаваться по региональной энергосистеме в рамках транзитной договорённости с "
                    "Узбекистаном.",
                ),
                (
                    "p",
                    "Таджикистан получает большую часть электроэнергии на плотинах Вахша и других рек, "
                    "питаемых ледниками Памира, и в июне–августе, когда таяние снегов достигает пика, "
                    "образуется излишек. Зимой, когда реки мелеют, жители Душанбе и Худжанда нередко "
                    "сталкиваются с ограничениями подачи электричества, и власти надеются, что газ поможет "
                    "восполнить дефицит.",
                ),
                ("image", "Водохранилище в долине Вахша в разгар сезона таяния снегов", CREDIT_RU),
                (
                    "p",
                    "Туркменистану электроэнергия поможет покрыть растущий летний спрос на "
                    "кондиционирование и работу насосных станций в Марыйском и Лебапском велаятах, где "
                    "температура регулярно превышает 45 градусов. Туркменские чиновники отметили, что "
                    "импорт также позволит провести ремонт нескольких газовых электростанций в самые "
                    "жаркие месяцы.",
                ),
                (
                    "p",
                    "«Наши реки полноводнее всего тогда, когда у соседей стоит самая жара, а их газ нужнее "
                    "всего, когда наши реки скованы льдом, — говорит душанбинский экономист-энергетик "
                    "Фируз Джумаев. — На бумаге это идеальное сочетание. Настоящей проверкой станет то, "
                    "выдержат ли транзитные линии нагрузку в июле».",
                ),
                (
                    "p",
                    "Оба правительства заявили, что соглашение не затрагивает действующих договорённостей "
                    "о вододелении на Амударье, которая питает оросительные каналы по всему "
                    "Туркменистану. Экологические организации попросили публиковать графики сброса воды "
                    "из водохранилищ, чтобы фермеры в низовьях могли планировать посевную.",
                ),
            ],
            "image": {
                "caption": "Линии электропередачи и горные реки связывают две экономики",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация речных долин под заснеженными вершинами в сумерках",
            },
        },
    },
    {
        "key": "politics-07",
        "slug": "mejlis-approves-turkmenbashi-rail-ferry-terminal-expansion",
        "topic": "politics",
        "countries": ["TM"],
        "tags": ["parliament", "railways", "trade"],
        "authors": ["maral-annayeva", "sergei-volkov"],
        "days_ago": 17,
        "hours": 16,
        "title": "Mejlis approves expansion of Turkmenbashi rail ferry terminal",
        "standfirst": (
            "Two new berths and a marshalling yard are meant to shorten waits for trans-Caspian freight as "
            "volumes through the port keep rising."
        ),
        "body": [
            (
                "p",
                "Turkmenistan's parliament, the Mejlis, has approved a plan to expand the rail ferry "
                "terminal at the port of Turkmenbashi, adding two berths and a new marshalling yard. The "
                "expansion would raise the terminal's capacity from about 9 million to 14 million tonnes "
                "a year, deputies were told during the debate in Ashgabat.",
            ),
            (
                "p",
                "The port is a key stop on the trans-Caspian route, which links Central Asian railways with "
                "ferry services to Azerbaijan and onwards to the Black Sea and Turkey. Freight volumes "
                "through Turkmenbashi have risen by roughly a third over two years as shippers look for "
                "alternatives to longer northern routes.",
            ),
            (
                "p",
                "Aynabat Hojamyradova, a deputy who sits on the transport committee, said the project would "
                "create about 1,200 permanent jobs in Balkan province, where the port is located. She said "
                "contracts would give priority to local engineering firms and to graduates of the maritime "
                "college in Turkmenbashi.",
            ),
            (
                "p",
                "Shipping agents say berth space is only part of the problem. “Ferries wait because the "
                "wagons arrive in bunches,” said Dovletgeldi Annaberdiyev, a logistics manager at the port. "
                "“The new yard matters as much as the berths, because it lets us sort trains before the "
                "ship comes in.”",
            ),
            (
                "p",
                "Work is scheduled to begin in the autumn and to be completed in three phases. The "
                "government also plans to upgrade the railway between Turkmenbashi and Ashgabat, where some "
                "sections still limit freight trains to 60 kilometres an hour.",
            ),
        ],
        "image": {
            "caption": "Rail wagons at the Caspian port of Turkmenbashi",
            "credit": CREDIT,
            "alt": "Stylised illustration of a calm sea and low desert hills at dusk",
            "seed": 158,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "politics-08",
        "slug": "dashoguz-farmers-gain-voice-in-canal-water-allocation",
        "topic": "politics",
        "countries": ["TM"],
        "tags": ["water", "cotton", "wheat"],
        "authors": ["maral-annayeva"],
        "days_ago": 22,
        "hours": 9,
        "title": "Dashoguz farmers gain a voice in canal allocation under new water law",
        "standfirst": (
            "Elected water users' associations will help divide irrigation from the lower Amu Darya "
            "between cotton and wheat fields in Turkmenistan's north."
        ),
        "body": [
            (
                "p",
                "A new law on water users' associations came into force in Dashoguz province this week, "
                "giving farmers elected seats on the committees that decide how canal water is divided "
                "between fields. The province, in Turkmenistan's far north along the lower Amu Darya, "
                "grows mainly cotton and wheat and depends entirely on irrigation.",
            ),
            (
                "p",
                "Under the rules, each association will cover between 2,000 and 5,000 hectares, and at "
                "least half of its board members must be working farmers chosen at annual meetings. "
                "Associations will also be responsible for clearing silt from smaller channels, work "
                "previously handled by district water offices.",
            ),
            (
                "quote",
                "At the end of the canal we always get what is left. Now someone from our village will be "
                "in the room when the schedule is made.",
                "Gulshat Orazmuradova, a wheat farmer near Dashoguz",
            ),
            (
                "p",
                "Agronomists say the change comes at a difficult time. Flows reaching the lower Amu Darya "
                "have dropped in several recent summers, and salt has built up in soils where drainage "
                "channels were not maintained. The law sets aside funds for laser levelling of fields, "
                "which can cut water use by up to a fifth.",
            ),
            (
                "p",
                "Officials in Ashgabat said the Dashoguz scheme would be reviewed after two seasons before "
                "being extended to Mary and Lebap provinces. Water specialists have recommended publishing "
                "allocation data so that farmers at the tail end of canals can check how much water "
                "actually reaches them.",
            ),
            (
                "p",
                "This article was updated to add the number of associations registered so far. According to "
                "the provincial water department, 37 associations had completed registration by the end of "
                "the week.",
            ),
        ],
        "image": {
            "caption": "Irrigated fields in Dashoguz province",
            "credit": CREDIT,
            "alt": "Stylised illustration of flat fields and a canal under a bright desert sky",
            "seed": 163,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": 20,
    },
    {
        "key": "politics-09",
        "slug": "karakalpakstan-parliament-debates-aral-sea-budget",
        "topic": "politics",
        "countries": ["UZ"],
        "tags": ["aral sea", "parliament", "climate", "health"],
        "authors": ["dilnoza-rakhimova", "zarina-karimova"],
        "days_ago": 27,
        "hours": 12,
        "title": "Karakalpakstan's parliament debates first Aral Sea restoration budget",
        "standfirst": (
            "Deputies in Nukus are weighing money for saxaul planting, clean drinking water and mobile "
            "clinics for villages on the former seashore."
        ),
        "body": [
            (
                "p",
                "The parliament of Karakalpakstan opened a two-day session in Nukus on Monday devoted to a "
                "dedicated budget for restoring land around the former Aral Sea. The draft sets aside the "
                "equivalent of 48 million dollars for the coming year, including tree planting on the "
                "dried seabed, clean drinking water for villages and new clinics.",
            ),
            (
                "p",
                "More than 60,000 hectares of saxaul shrubs have been planted on the exposed seabed over "
                "the past five years, according to regional forestry officials, in an effort to hold down "
                "salt and dust. Storms carrying fine salt particles regularly reach Nukus and Muynak, and "
                "doctors link them to high rates of respiratory illness.",
            ),
            ("h", "Clinics and clean water"),
            (
                "p",
                "About a third of the new budget would go to health, including two mobile clinics that "
                "will travel between remote settlements and a screening programme for children with "
                "asthma. Deputy Gulnara Ismailova, a former physician from Muynak, said the clinics should "
                "be staffed by graduates of the medical institute in Nukus.",
            ),
            (
                "p",
                "“People here have heard many plans about the sea,” said Azamat Kdirbaev, a teacher in "
                "Muynak, where rusting fishing boats still stand in the sand. “What we want to see is water "
                "in the taps and a doctor who stays for more than one year.”",
            ),
            (
                "p",
                "Deputies also discussed cooperation with Kazakhstan, which has stabilised the smaller "
                "northern part of the sea with a dam near the mouth of the Syr Darya. Some members "
                "suggested exchanging specialists on fisheries and salt-tolerant crops, and a proposal for "
                "a joint conference in Nukus next spring was added to the agenda.",
            ),
        ],
        "image": {
            "caption": "The dried bed of the Aral Sea near Muynak",
            "credit": CREDIT,
            "alt": "Stylised illustration of a pale desert plain under a hazy sky",
            "seed": 171,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Парламент Каракалпакстана обсуждает первый бюджет на восстановление Приаралья",
            "standfirst": (
                "Депутаты в Нукусе обсуждают расходы на посадку саксаула, чистую питьевую воду и "
                "передвижные клиники для сёл на бывшем берегу моря."
            ),
            "body": [
                (
                    "p",
                    "В понедельник парламент Каракалпакстана открыл в Нукусе двухдневную сессию, "
                    "посвящённую отдельному бюджету на восстановление земель вокруг бывшего Аральского "
                    "моря. Проект предусматривает на следующий год сумму, эквивалентную 48 миллионам "
                    "долларов, в том числе на посадку деревьев на высохшем дне, обеспечение сёл чистой "
                    "питьевой водой и строительство новых клиник.",
                ),
                (
                    "p",
                    "По данным региональной лесной службы, за последние пять лет на обнажившемся дне "
                    "высажено более 60 тысяч гектаров саксаула, чтобы удержать соль и пыль. Бури, несущие "
                    "мелкие частицы соли, регулярно доходят до Нукуса и Муйнака, и врачи связывают с ними "
                    "высокий уровень заболеваний органов дыхания.",
                ),
                ("h", "Клиники и чистая вода"),
                (
                    "p",
                    "Около трети нового бюджета предполагается направить на здравоохранение, в том числе на "
                    "две передвижные клиники, которые будут объезжать отдалённые посёлки, и на программу "
                    "обследования детей с астмой. Депутат Гульнара Исмаилова, бывший врач из Муйнака, "
                    "заявила, что в клиниках должны работать выпускники медицинского института в Нукусе.",
                ),
                (
                    "p",
                    "«Люди здесь слышали много планов насчёт моря, — говорит Азамат Кдырбаев, учитель из "
                    "Муйнака, где на песке до сих пор стоят ржавые рыболовецкие суда. — Мы хотим видеть "
                    "воду в кранах и врача, который остаётся дольше чем на год».",
                ),
                (
                    "p",
                    "Депутаты также обсудили сотрудничество с Казахстаном, который стабилизировал меньшую, "
                    "северную часть моря с помощью плотины возле устья Сырдарьи. Некоторые депутаты "
                    "предложили обмениваться специалистами по рыболовству и солеустойчивым культурам, а в "
                    "повестку дня было внесено предложение провести совместную конференцию в Нукусе "
                    "следующей весной.",
                ),
            ],
            "image": {
                "caption": "Высохшее дно Аральского моря возле Муйнака",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация бледной пустынной равнины под дымчатым небом",
            },
        },
    },
]

ARTICLES += [
    {
        "key": "politics-10",
        "slug": "young-voters-lift-turnout-in-samarkand-mahalla-elections",
        "topic": "politics",
        "countries": ["UZ"],
        "tags": ["elections", "heritage", "education"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 33,
        "hours": 18,
        "title": "Young voters lift turnout in Samarkand mahalla elections",
        "standfirst": (
            "Student volunteers took the vote to courtyards and teahouses, and questions about the old "
            "city's heritage shaped several neighbourhood races."
        ),
        "body": [
            (
                "p",
                "Turnout in neighbourhood council elections in Samarkand reached 64 percent, the highest "
                "since the mahalla votes were introduced, with first-time voters making up almost a fifth "
                "of those who cast ballots. Residents of 112 mahallas chose chairpersons and advisers who "
                "handle matters from street lighting to support for low-income families.",
            ),
            (
                "p",
                "Election officials credited a campaign by university students who set up information "
                "tents near the Registan and in the narrow lanes of the old city. The students explained "
                "how to check the voter list and organised short debates between candidates in courtyards "
                "and teahouses.",
            ),
            ("image", "Student volunteers set up information tents near the Registan", CREDIT),
            (
                "p",
                "Several winning candidates campaigned on heritage issues, including rules for renovating "
                "traditional houses near historic monuments. “Tourists come for the old city, but families "
                "live in it,” said Shakhnoza Tursunova, 29, an architecture lecturer elected in a mahalla "
                "near the Gur-Emir mausoleum. “We need repairs that respect both.”",
            ),
            (
                "p",
                "Turnout in Bukhara, which held its votes on the same day, was lower at 51 percent. "
                "Analysts in Tashkent said the Samarkand result showed that local elections can engage "
                "young people when the issues are concrete, such as school repairs, parking and noise from "
                "new hotels.",
            ),
        ],
        "image": {
            "caption": "Evening in Samarkand's old city",
            "credit": CREDIT,
            "alt": "Stylised illustration of domed silhouettes against a desert evening sky",
            "seed": 176,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "politics-11",
        "slug": "almaty-assembly-weighs-housing-for-seasonal-workers",
        "topic": "politics",
        "countries": ["KZ"],
        "tags": ["migration", "remittances"],
        "authors": ["sergei-volkov"],
        "days_ago": 40,
        "hours": 15,
        "title": "Almaty city assembly weighs dormitories and cheaper transfers for seasonal workers",
        "standfirst": (
            "Proposals include licensed housing near building sites and a low-cost card for sending "
            "remittances home to the Fergana Valley and beyond."
        ),
        "body": [
            (
                "p",
                "Almaty's city assembly, the maslikhat, has begun debating a package of measures for "
                "seasonal workers who arrive each spring from other regions of Kazakhstan and from "
                "neighbouring countries. The proposals include licensed dormitories near construction "
                "sites and a city-run hotline for workers who are not paid on time.",
            ),
            (
                "p",
                "City officials estimate that between 120,000 and 150,000 seasonal workers live in Almaty "
                "during the building season, many of them from Uzbekistan and Kyrgyzstan. Most send part "
                "of their earnings home, and banks in the city report that transfers to the Fergana Valley "
                "peak in May and October.",
            ),
            (
                "quote",
                "We send money home every month, but half the problem is finding a bed that is not in a "
                "basement.",
                "Jasur Ergashev, a plasterer from Namangan working in Almaty",
            ),
            (
                "p",
                "Assembly members also discussed fees charged by money transfer services, which can exceed "
                "2 percent on small amounts. Deputy Marina Kovalenko proposed that the city negotiate with "
                "banks to create a low-cost transfer card for registered workers, linked to the new "
                "dormitory system.",
            ),
            (
                "p",
                "Employers' groups broadly welcomed the plan but warned against extra paperwork. A "
                "representative of a construction association said firms already register foreign "
                "employees with the migration service and should not have to report the same data twice.",
            ),
            (
                "p",
                "A final vote is expected next month. If the package is approved, the first two "
                "dormitories, with 800 beds between them, would open in the Alatau and Nauryzbay districts "
                "before the next building season.",
            ),
        ],
        "image": {
            "caption": "Cranes over new housing on the edge of Almaty",
            "credit": CREDIT,
            "alt": "Stylised illustration of dark mountains above a sprinkling of lights at night",
            "seed": 184,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "politics-12",
        "slug": "khujand-by-election-turns-on-remittances-and-jobs",
        "topic": "politics",
        "countries": ["TJ"],
        "tags": ["elections", "remittances", "migration"],
        "authors": ["zarina-karimova"],
        "days_ago": 48,
        "hours": 13,
        "title": "Khujand by-election turns on remittances and jobs for returning migrants",
        "standfirst": (
            "Four candidates are offering competing plans for families in Sughd region who rely on money "
            "earned abroad."
        ),
        "body": [
            (
                "p",
                "Voters in Khujand will choose a new member of parliament in a by-election next month, and "
                "the campaign has been dominated by one question: how to create jobs for the thousands of "
                "men and women who return each year from work abroad. Four candidates are registered, "
                "including a textile factory manager, a lawyer and a former schoolteacher.",
            ),
            (
                "p",
                "Money sent home by migrant workers makes up a large share of household income in Sughd "
                "region, and local banks say transfers into Khujand rose by around 12 percent last year. "
                "Economists at the state university estimate that one family in four in the city has at "
                "least one member working abroad, mostly in Russia and Kazakhstan.",
            ),
            (
                "p",
                "The candidates offer very different remedies. One promises tax breaks for returning "
                "migrants who open small workshops, while another wants the city to turn part of an old "
                "silk mill into a training centre for electricians and welders. “My brother learned to "
                "build houses in Moscow, but here nobody recognises his skills,” said Farhod Rahimov, a "
                "trader at the Panjshanbe bazaar.",
            ),
            (
                "p",
                "The regional election commission has invited observers from civic groups to monitor the "
                "count, and said results will be posted at each polling station for the first time. The "
                "candidates will meet in a televised debate on the local channel a week before polling "
                "day.",
            ),
            (
                "p",
                "This article was updated to reflect a late registration approved by the commission. An "
                "earlier version said three candidates were standing; there are now four.",
            ),
        ],
        "image": {
            "caption": "Khujand on the banks of the Syr Darya",
            "credit": CREDIT,
            "alt": "Stylised illustration of a wide river below dry hills at dawn",
            "seed": 189,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": 45,
    },
    {
        "key": "politics-13",
        "slug": "issyk-kul-council-votes-to-cap-lakeshore-construction",
        "topic": "politics",
        "countries": ["KG"],
        "tags": ["tourism", "climate", "water"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 59,
        "hours": 20,
        "title": "Issyk-Kul council votes to cap construction along the lakeshore",
        "standfirst": (
            "New guesthouses within 100 metres of the water will need sewage connections, as scientists "
            "report rising nutrient levels in shallow bays."
        ),
        "body": [
            (
                "p",
                "Members of the Issyk-Kul regional council, meeting in Karakol, have voted to limit new "
                "construction within 100 metres of the lakeshore, citing pressure on beaches and water "
                "quality during the summer season. The measure, passed by 19 votes to 4, also requires new "
                "guesthouses near the lake to connect to sewage systems or install approved treatment "
                "units.",
            ),
            (
                "p",
                "Visitor numbers around the lake have climbed sharply, with regional authorities counting "
                "more than 1.3 million holidaymakers last summer, many from Kazakhstan and Russia as well "
                "as from Bishkek. Scientists at a research station in Cholpon-Ata have recorded rising "
                "nutrient levels in shallow bays, which can feed algae blooms in hot weather.",
            ),
            ("image", "Guesthouses and yurt camps on the southern shore of Issyk-Kul", CREDIT),
            (
                "p",
                "Hotel owners are divided. Some larger resorts already meet the new standards and say the "
                "rules will protect the lake's reputation, while smaller family guesthouses fear the cost "
                "of treatment units, estimated at 3,000 to 6,000 dollars each. The council has promised "
                "low-interest loans through a regional development fund.",
            ),
            (
                "p",
                "“The lake is our bank account, and we have been withdrawing too much,” said Nurgul "
                "Abdyldaeva, who runs a yurt camp near the village of Tamga. “If we save it now, our "
                "grandchildren will still have a business here.”",
            ),
            (
                "p",
                "The regulation takes effect at the start of next year, and existing buildings will have "
                "three years to comply. Environmental groups have called for similar limits in Cholpon-Ata "
                "and along the southern shore, where new holiday homes have multiplied.",
            ),
        ],
        "image": {
            "caption": "Issyk-Kul beneath the Terskey Ala-Too range",
            "credit": CREDIT,
            "alt": "Stylised illustration of a lake beneath snowy mountains at dawn",
            "seed": 195,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Совет Иссык-Кульской области ограничил строительство на берегу озера",
            "standfirst": (
                "Новые гостевые дома в пределах 100 метров от воды должны будут подключаться к "
                "канализации: учёные фиксируют рост содержания биогенных веществ в мелководных заливах."
            ),
            "body": [
                (
                    "p",
                    "Депутаты Иссык-Кульского областного совета на заседании в Караколе проголосовали за "
                    "ограничение нового строительства в пределах 100 метров от берега озера, сославшись на "
                    "нагрузку на пляжи и качество воды в летний сезон. Решение, принятое 19 голосами "
                    "против 4, также обязывает новые гостевые дома у озера подключаться к канализации или "
                    "устанавливать одобренные очистные сооружения.",
                ),
                (
                    "p",
                    "Число отдыхающих на озере резко выросло: прошлым летом областные власти насчитали "
                    "более 1,3 миллиона туристов, многие из которых приехали из Казахстана и России, а "
                    "также из Бишкека. Учёные исследовательской станции в Чолпон-Ате фиксируют рост "
                    "содержания биогенных веществ в мелководных заливах, что в жаркую погоду может "
                    "вызывать цветение водорослей.",
                ),
                ("image", "Гостевые дома и юрточные лагеря на южном берегу Иссык-Куля", CREDIT_RU),
                (
                    "p",
                    "Мнения владельцев гостиниц разделились. Некоторые крупные курорты уже соответствуют "
                    "новым требованиям и считают, что правила защитят репутацию озера, тогда как небольшие "
                    "семейные гостевые дома опасаются расходов на очистные установки, которые оцениваются "
                    "в 3–6 тысяч долларов каждая. Совет пообещал льготные кредиты через региональный фонд "
                    "развития.",
                ),
                (
                    "p",
                    "«Озеро — это наш банковский счёт, и мы снимали с него слишком много, — говорит "
                    "Нургуль Абдылдаева, которая держит юрточный лагерь возле села Тамга. — Если мы "
                    "сбережём его сейчас, у наших внуков здесь тоже будет своё дело».",
                ),
                (
                    "p",
                    "Постановление вступает в силу с начала следующего года, а существующим зданиям дадут "
                    "три года на то, чтобы привести себя в соответствие с требованиями. Экологические "
                    "организации призвали ввести такие же ограничения в Чолпон-Ате и на южном берегу, где "
                    "стремительно растёт число новых дач.",
                ),
            ],
            "image": {
                "caption": "Иссык-Куль у подножия хребта Терскей Ала-Тоо",
                "credit": CREDIT_RU,
                "alt": "Стилизованная иллюстрация озера под заснеженными горами на рассвете",
            },
        },
    },
]
