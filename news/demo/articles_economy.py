"""Economy section articles for the demo newsroom "The Steppe Courier".

All of this is fictional demo content. The events, people, quotes and figures are invented for
demonstration purposes only; the places are real, but nothing here describes real news.
"""

ARTICLES: list[dict] = [
    {
        "key": "economy-01",
        "slug": "northern-kazakhstan-wheat-harvest-strains-grain-wagons",
        "topic": "economy",
        "countries": ["KZ"],
        "tags": ["wheat", "railways", "trade"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 0,
        "hours": 8,
        "title": "Bumper wheat harvest north of Astana strains the supply of grain wagons",
        "standfirst": (
            "Farmers in Akmola and Kostanay regions expect their best crop in six years, but elevators "
            "are filling faster than railway hopper cars can carry the grain south and east."
        ),
        "body": [
            (
                "p",
                "Combines have been running through the night on the black-earth fields north of Astana, "
                "where growers say yields of hard spring wheat are averaging 1.9 tonnes per hectare. "
                "That is well above the five-year average of 1.3 tonnes, helped by a wet May and a dry, "
                "windless August that let the grain ripen evenly.",
            ),
            (
                "p",
                "The good news has created a familiar headache at the elevators. At a grain terminal "
                "outside the town of Shortandy, trucks queued for up to two days last week because the "
                "silos, rated for 60,000 tonnes, were already full and no empty hopper wagons had arrived.",
            ),
            (
                "image",
                "Grain trucks wait in line beside a railway siding on the open steppe",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "“We have the wheat, we have the buyers, what we do not have is the steel on wheels,” "
                "said Yerlan Mukashev, a fictional co-operative chairman who farms 4,000 hectares near "
                "the village. He said his members had started storing grain in plastic sleeves on the "
                "field edges, a cheap fix that works only until the autumn rains begin.",
            ),
            ("h", "Buyers in the south and across the border"),
            (
                "p",
                "Traders say demand is strong in Uzbekistan, Tajikistan and Afghanistan, where Kazakh "
                "milling wheat is prized for its protein content. Flour mills in Tashkent and Samarkand "
                "have already booked forward contracts, and exporters hope to ship at least eight million "
                "tonnes by rail before the end of the marketing year.",
            ),
            (
                "p",
                "Regional officials said 1,200 additional hopper wagons would be released from repair "
                "depots in Karaganda by the end of the month. Farmers, however, want a longer-term plan, "
                "including new loading points on the branch lines that connect small stations to the "
                "main north-south corridor.",
            ),
        ],
        "image": {
            "caption": "Harvest season on the wheat fields north of Astana",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of golden steppe fields under a pale morning sky",
            "seed": 203,
            "palette": "dawn",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Рекордный урожай пшеницы к северу от Астаны обнажил нехватку зерновых вагонов",
            "standfirst": (
                "Аграрии Акмолинской и Костанайской областей ждут лучшего урожая за шесть лет, но "
                "элеваторы заполняются быстрее, чем железнодорожные хопперы успевают вывозить зерно "
                "на юг и восток."
            ),
            "body": [
                (
                    "p",
                    "На черноземных полях к северу от Астаны комбайны работают даже ночью: по словам "
                    "аграриев, урожайность твердой яровой пшеницы в среднем достигает 1,9 тонны с "
                    "гектара. Это заметно выше среднего показателя за пять лет в 1,3 тонны — помогли "
                    "дождливый май и сухой безветренный август, благодаря которому зерно созрело "
                    "равномерно.",
                ),
                (
                    "p",
                    "Хорошие новости обернулись привычной проблемой на элеваторах. На зерновом терминале "
                    "под поселком Шортанды грузовики на прошлой неделе стояли в очереди до двух суток: "
                    "силосы вместимостью 60 тысяч тонн были уже заполнены, а порожние хопперы так и не "
                    "пришли.",
                ),
                (
                    "image",
                    "Зерновозы ждут своей очереди у железнодорожного тупика посреди открытой степи",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "«Пшеница у нас есть, покупатели есть, не хватает только стали на колесах», — "
                    "говорит Ерлан Мукашев, вымышленный председатель кооператива, который обрабатывает "
                    "4000 гектаров возле поселка. По его словам, члены кооператива начали хранить зерно "
                    "в полимерных рукавах на краю полей — это дешевое решение работает лишь до начала "
                    "осенних дождей.",
                ),
                ("h", "Покупатели на юге и за границей"),
                (
                    "p",
                    "Трейдеры отмечают высокий спрос в Узбекистане, Таджикистане и Афганистане, где "
                    "казахстанскую мукомольную пшеницу ценят за высокое содержание белка. Мельницы "
                    "Ташкента и Самарканда уже заключили форвардные контракты, а экспортеры надеются до "
                    "конца сельскохозяйственного года отправить по железной дороге не менее восьми "
                    "миллионов тонн.",
                ),
                (
                    "p",
                    "В областном акимате сообщили, что до конца месяца из ремонтных депо Караганды "
                    "выйдут еще 1200 хопперов. Однако фермеры хотят долгосрочного плана, включая новые "
                    "пункты погрузки на подъездных ветках, которые связывают небольшие станции с "
                    "основным коридором «север — юг».",
                ),
            ],
            "image": {
                "caption": "Страда на пшеничных полях к северу от Астаны",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация золотых степных полей под бледным утренним небом",
            },
        },
    },
    {
        "key": "economy-02",
        "slug": "osh-andijan-freight-link-cuts-fergana-valley-transit-times",
        "topic": "economy",
        "countries": ["KG", "UZ"],
        "tags": ["railways", "trade", "transport"],
        "authors": ["bakyt-toktogulov", "dilnoza-rakhimova"],
        "days_ago": 1,
        "hours": 11,
        "title": "New Osh–Andijan freight link cuts Fergana Valley transit times by a third",
        "standfirst": (
            "A joint container service between southern Kyrgyzstan and eastern Uzbekistan has completed "
            "its first month, and shippers of dried fruit and textiles say border waits have shrunk."
        ),
        "body": [
            (
                "p",
                "The twice-weekly container train leaves a freight yard on the edge of Osh on Mondays and "
                "Thursdays, crosses into Uzbekistan and reaches Andijan in under five hours. Before the "
                "service began, the same cargo moved by truck and often waited a full day at the border "
                "post while documents were checked by hand.",
            ),
            (
                "p",
                "Customs officers from both countries now inspect containers together at a single point, "
                "using electronic manifests filed a day in advance. In its first month the train carried "
                "214 containers, most of them loaded with apricots, walnuts, cotton yarn and ready-made "
                "clothing bound for markets further west.",
            ),
            (
                "quote",
                "For a small exporter, one day saved at the border is the difference between profit and "
                "loss on a load of fresh cherries.",
                "Gulnara Abdyrakhmanova, fictional fruit exporter in Osh",
            ),
            (
                "p",
                "Exporters in Osh say the savings are real but uneven. Refrigerated containers are still "
                "in short supply, and several growers who sell fresh cherries and melons have had to keep "
                "using lorries. Railway managers said four reefer units would be added before the next "
                "harvest.",
            ),
            (
                "p",
                "In Andijan, textile workshops are using the link in the other direction, sending knitted "
                "goods towards Kashgar and onward to Chinese ports. “We used to plan shipments around the "
                "queue at the border, now we plan them around the timetable,” said Sherzod Toshpulatov, "
                "the fictional manager of a garment cluster in the city.",
            ),
            (
                "p",
                "Planners on both sides see the service as a test for a longer rail corridor that would "
                "tie the Fergana Valley to China through Kyrgyz territory. Feasibility work on that route "
                "is expected to take another two years, and its cost has not yet been agreed.",
            ),
        ],
        "image": {
            "caption": "A freight line winding through the foothills of the Fergana Valley",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a railway line curving between green foothills at noon",
            "seed": 217,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Новый грузовой маршрут Ош — Андижан на треть сократил транзит по Ферганской долине",
            "standfirst": (
                "Совместный контейнерный поезд между югом Кыргызстана и востоком Узбекистана отработал "
                "первый месяц, и отправители сухофруктов и текстиля говорят, что ожидание на границе "
                "сократилось."
            ),
            "body": [
                (
                    "p",
                    "Контейнерный поезд дважды в неделю, по понедельникам и четвергам, отправляется с "
                    "грузового двора на окраине Оша, пересекает границу Узбекистана и меньше чем за пять "
                    "часов прибывает в Андижан. До запуска маршрута тот же груз везли на грузовиках, и "
                    "на пограничном посту он нередко простаивал целые сутки, пока документы проверяли "
                    "вручную.",
                ),
                (
                    "p",
                    "Теперь таможенники двух стран досматривают контейнеры совместно в одном пункте, "
                    "используя электронные манифесты, поданные за сутки. За первый месяц поезд перевез "
                    "214 контейнеров — в основном с абрикосами, грецкими орехами, хлопковой пряжей и "
                    "готовой одеждой для рынков дальше на западе.",
                ),
                (
                    "quote",
                    "Для небольшого экспортера один сэкономленный на границе день — это разница между "
                    "прибылью и убытком на партии свежей черешни.",
                    "Гульнара Абдырахманова, вымышленный экспортер фруктов из Оша",
                ),
                (
                    "p",
                    "Экспортеры в Оше говорят, что экономия ощутима, но распределяется неравномерно. "
                    "Рефрижераторных контейнеров по-прежнему не хватает, и некоторым производителям, "
                    "которые продают свежую черешню и дыни, пришлось остаться на грузовиках. "
                    "Руководство железной дороги пообещало добавить четыре рефрижератора до следующего "
                    "урожая.",
                ),
                (
                    "p",
                    "В Андижане текстильные цеха используют маршрут в обратном направлении, отправляя "
                    "трикотаж в сторону Кашгара и дальше к китайским портам. «Раньше мы планировали "
                    "отгрузки под очередь на границе, а теперь — под расписание», — говорит Шерзод "
                    "Тошпулатов, вымышленный руководитель швейного кластера в городе.",
                ),
                (
                    "p",
                    "Планировщики обеих стран рассматривают этот поезд как проверку для более длинного "
                    "железнодорожного коридора, который соединит Ферганскую долину с Китаем через "
                    "территорию Кыргызстана. Технико-экономическое обоснование этого маршрута займет еще "
                    "два года, а его стоимость пока не согласована.",
                ),
            ],
            "image": {
                "caption": "Железнодорожная линия, петляющая по предгорьям Ферганской долины",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация железной дороги среди зеленых предгорий в полдень",
            },
        },
    },
    {
        "key": "economy-03",
        "slug": "khujand-families-feel-shift-in-remittances-from-abroad",
        "topic": "economy",
        "countries": ["TJ"],
        "tags": ["remittances", "migration", "central bank"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 3,
        "hours": 9,
        "title": "Khujand families feel the shift as remittances arrive through new channels",
        "standfirst": (
            "Money sent home by Tajik migrant workers held steady this spring, but more of it is now "
            "arriving through mobile wallets rather than cash counters, changing how households save."
        ),
        "body": [
            (
                "p",
                "On a weekday morning in Khujand's Panjshanbe bazaar, the queue outside the money-transfer "
                "kiosk is shorter than it used to be. Traders say that many families now receive money "
                "from relatives working abroad directly on their phones and pay suppliers without ever "
                "touching banknotes.",
            ),
            (
                "p",
                "Figures published by the central bank show that inbound transfers in the first half of "
                "the year were roughly flat compared with last year, at about 2.4 billion dollars. The "
                "share arriving through card-to-card and mobile wallet services, however, rose from 31 "
                "to 46 percent, according to the fictional regulator's quarterly review.",
            ),
            (
                "p",
                "“My son sends money every second Friday, and I see it before he has even called me,” "
                "said Mavjuda Rahimova, a fictional retired teacher whose two sons work on construction "
                "sites abroad. She said she now keeps part of each transfer in a savings account that pays "
                "interest in somoni, something she never did when the money came in cash.",
            ),
            ("h", "A new habit of saving"),
            (
                "p",
                "Local bankers in the Sughd region say deposit balances in their branches rose by about a "
                "fifth over the year. They credit the digital channels, which leave a record that can be "
                "used to apply for small loans to repair houses or buy livestock.",
            ),
            (
                "p",
                "Economists warn that the country remains heavily dependent on migrant earnings, which "
                "account for roughly a third of national output. A slowdown in construction abroad or a "
                "sharp swing in exchange rates could still hit families in Khujand and the wider Fergana "
                "Valley within weeks.",
            ),
        ],
        "image": {
            "caption": "Evening over the Syr Darya embankment in Khujand",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a river valley and distant hills at dusk",
            "seed": 226,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Семьи Худжанда ощущают перемены: денежные переводы идут по новым каналам",
            "standfirst": (
                "Объем денег, которые таджикские трудовые мигранты отправляют домой, этой весной "
                "остался стабильным, но все большая их часть поступает через мобильные кошельки, а не "
                "через кассы, и это меняет то, как семьи копят."
            ),
            "body": [
                (
                    "p",
                    "Будним утром на худжандском базаре Панчшанбе очередь у киоска денежных переводов "
                    "заметно короче, чем раньше. Торговцы говорят, что многие семьи теперь получают "
                    "деньги от родственников, работающих за границей, прямо на телефон и расплачиваются "
                    "с поставщиками, даже не прикасаясь к купюрам.",
                ),
                (
                    "p",
                    "Данные центрального банка показывают, что входящие переводы за первое полугодие "
                    "остались примерно на уровне прошлого года — около 2,4 миллиарда долларов. Однако "
                    "доля средств, поступающих через переводы с карты на карту и мобильные кошельки, "
                    "выросла с 31 до 46 процентов, говорится в квартальном обзоре вымышленного "
                    "регулятора.",
                ),
                (
                    "p",
                    "«Сын присылает деньги каждую вторую пятницу, и я вижу их еще до того, как он мне "
                    "позвонит», — рассказывает Мавджуда Рахимова, вымышленная учительница на пенсии, "
                    "двое сыновей которой работают на стройках за границей. По ее словам, теперь она "
                    "откладывает часть каждого перевода на сберегательный счет с процентами в сомони — "
                    "раньше, когда деньги приходили наличными, она так никогда не делала.",
                ),
                ("h", "Новая привычка копить"),
                (
                    "p",
                    "Местные банкиры в Согдийской области говорят, что остатки на депозитах в их "
                    "отделениях за год выросли примерно на пятую часть. Они связывают это с цифровыми "
                    "каналами: такие переводы оставляют след, который можно использовать при подаче "
                    "заявки на небольшой кредит для ремонта дома или покупки скота.",
                ),
                (
                    "p",
                    "Экономисты предупреждают, что страна по-прежнему сильно зависит от заработков "
                    "мигрантов, на которые приходится примерно треть национального производства. "
                    "Замедление строительства за рубежом или резкое колебание валютных курсов может "
                    "в считаные недели ударить по семьям Худжанда и всей Ферганской долины.",
                ),
            ],
            "image": {
                "caption": "Вечер на набережной Сырдарьи в Худжанде",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация речной долины и далеких холмов в сумерках",
            },
        },
    },
    {
        "key": "economy-04",
        "slug": "turkmenbashi-port-ferries-carry-more-caspian-cargo",
        "topic": "economy",
        "countries": ["TM"],
        "tags": ["trade", "transport", "railways"],
        "authors": ["maral-annayeva"],
        "days_ago": 5,
        "hours": 14,
        "title": "Turkmenbashi port ferries carry more Caspian cargo as east-west trade grows",
        "standfirst": (
            "Roll-on, roll-off ferries crossing the Caspian Sea from Turkmenbashi moved a record number "
            "of trucks and rail wagons in the past quarter, port officials say."
        ),
        "body": [
            (
                "p",
                "The international seaport at Turkmenbashi handled 41,000 trucks and rail wagons on its "
                "ferry berths in the three months to June, up by a quarter on the same period last year. "
                "Most of the growth came from freight heading west across the Caspian towards the "
                "Caucasus and onward to the Black Sea.",
            ),
            (
                "p",
                "Port staff say the busiest cargoes are polyethylene pellets from plants on the coast, "
                "textiles from Ashgabat and Mary, and transit goods arriving by rail from the east. "
                "Three ferries now sail on a fixed schedule, replacing the old system in which vessels "
                "left only once they were full.",
            ),
            (
                "p",
                "“A driver used to sleep in his cab for four days waiting for a ship, now it is usually "
                "one night,” said Annamyrat Berdiyev, a fictional dispatcher who has worked at the "
                "terminal for eleven years. He said a new parking area with showers and a canteen had "
                "made the wait easier for crews coming from as far as Dashoguz.",
            ),
            (
                "p",
                "Shipping agents caution that the Caspian route is sensitive to the weather. Strong "
                "northerly winds in winter can halt crossings for several days, and falling water levels "
                "in the sea have forced dredging of the approach channel twice in three years.",
            ),
            (
                "p",
                "Officials in Ashgabat plan to add a fourth ferry and extend the rail sidings at the "
                "port next year. The aim, they say, is to make Turkmenbashi a reliable link between "
                "Central Asian railways and the markets of Europe.",
            ),
        ],
        "image": {
            "caption": "Ferries waiting at the Caspian shore near Turkmenbashi",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a sandy coastline and calm sea under a hazy sky",
            "seed": 238,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "economy-05",
        "slug": "bukhara-cotton-clusters-bet-on-machine-picking",
        "topic": "economy",
        "countries": ["UZ"],
        "tags": ["cotton", "water", "trade"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 9,
        "hours": 10,
        "title": "Bukhara cotton clusters bet on machine picking and drip irrigation",
        "standfirst": (
            "Cotton producers in the Bukhara region say new harvesters and water-saving pipes are "
            "cutting costs, though smaller farmers worry about being left behind."
        ),
        "body": [
            (
                "p",
                "For the first time, more than half of the cotton in the Bukhara region this season is "
                "expected to be picked by machine rather than by hand. Three large cotton clusters, "
                "which grow, gin and spin the fibre under one roof, have bought 140 harvesters over two "
                "years, many of them assembled in Tashkent.",
            ),
            (
                "p",
                "The clusters have also laid drip irrigation lines across 18,000 hectares of fields that "
                "once relied on flooding furrows with water from canals fed by the Amu Darya. Managers "
                "say water use has fallen by around 40 percent on those plots, while yields have risen "
                "to 3.6 tonnes of raw cotton per hectare.",
            ),
            (
                "image",
                "Rows of cotton fields stretching towards the desert edge near Bukhara",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "“Machines do not complain about the heat, but they do need straight rows and clean "
                "fields,” said Odil Kurbanov, a fictional agronomist at a cluster near the town of "
                "Gijduvan. He said the company had spent two seasons levelling land with laser-guided "
                "equipment before the harvesters could work efficiently.",
            ),
            (
                "p",
                "Smaller independent farmers, who sell their crop to the clusters under contract, say "
                "they cannot afford the pipes or the machines. A farmers' association in Bukhara has "
                "asked for a leasing scheme that would let members share equipment, and regional "
                "authorities have promised to study the proposal.",
            ),
        ],
        "image": {
            "caption": "Late-summer cotton fields in the Bukhara region",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of flat fields meeting sand dunes under a bright sky",
            "seed": 241,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": 8,
    },
    {
        "key": "economy-06",
        "slug": "naryn-small-hydropower-plants-ease-winter-power-cuts",
        "topic": "economy",
        "countries": ["KG"],
        "tags": ["hydropower", "energy", "mountains"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 12,
        "hours": 16,
        "title": "Small hydropower plants in Naryn aim to ease Kyrgyzstan's winter power cuts",
        "standfirst": (
            "Four privately financed run-of-river stations on tributaries of the Naryn river are due "
            "to start generating before the cold season, adding capacity to a strained grid."
        ),
        "body": [
            (
                "p",
                "High in the Naryn region, crews are pouring the last concrete for a small hydropower "
                "station on a fast mountain stream that feeds the Naryn river. The plant, with a capacity "
                "of 8 megawatts, is one of four similar projects that local investors hope to switch on "
                "by November.",
            ),
            (
                "p",
                "Kyrgyzstan relies on hydropower for most of its electricity, but low water in the large "
                "reservoirs during dry years has led to rolling blackouts in winter. Together the four "
                "stations would add 29 megawatts, enough, engineers say, to supply around 40,000 homes "
                "during the coldest months.",
            ),
            (
                "quote",
                "Every megawatt we make up here is one less that has to be imported when the frost comes.",
                "Nurlan Asanaliev, fictional project engineer in Naryn",
            ),
            (
                "p",
                "The projects are financed under a scheme that guarantees a fixed purchase price for "
                "ten years from the day each plant is connected to the grid. “Without that guarantee no bank would lend for a plant at 2,800 metres,” "
                "said Aida Jumabaeva, a fictional financial director for one of the developers. She said "
                "roads to the sites are often closed by snow for several weeks each spring.",
            ),
            (
                "p",
                "Shepherds and villagers in the valleys have raised concerns about water for pastures "
                "and fish. Developers say each station will leave a minimum flow in the stream and that "
                "the intakes divert water only for a short stretch before returning it to the riverbed.",
            ),
        ],
        "image": {
            "caption": "Snow-capped ridges above a river valley in the Naryn region",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of snowy mountain ridges above a narrow valley",
            "seed": 252,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
        # Demo notices (news.models.ArticleCorrection): the errors they correct never appeared.
        "corrections": [
            {
                "kind": "correction",
                "days_ago": 11,
                "text": (
                    "Demo correction: an earlier version of this article said the four stations "
                    "would together add 92 megawatts. The correct figure is 29 megawatts. "
                    "(The error and this notice are fictional, written for the steppe demo newsroom.)"
                ),
                "ru": (
                    "Демонстрационное исправление: в первой версии статьи говорилось, что четыре "
                    "станции вместе добавят 92 мегаватта. Правильная цифра — 29 мегаватт. (Ошибка и "
                    "это сообщение вымышлены и написаны для демо-редакции steppe.)"
                ),
            },
            {
                "kind": "clarification",
                "days_ago": 10,
                "text": (
                    "Demo clarification: this article has been updated to make clear that the fixed "
                    "purchase price is guaranteed for ten years from the day each plant is connected "
                    "to the grid. (This notice is fictional, written for the steppe demo newsroom.)"
                ),
                "ru": (
                    "Демонстрационное уточнение: в статью добавлено, что фиксированная закупочная цена "
                    "гарантирована на десять лет со дня подключения каждой станции к сети. (Сообщение "
                    "вымышлено и написано для демо-редакции steppe.)"
                ),
            },
        ],
        "ru": {
            "title": "Малые ГЭС в Нарыне должны ослабить зимние отключения света в Кыргызстане",
            "standfirst": (
                "Четыре деривационные станции на притоках реки Нарын, построенные на частные средства, "
                "должны начать выработку до наступления холодов и добавить мощности перегруженной сети."
            ),
            "body": [
                (
                    "p",
                    "Высоко в горах Нарынской области строители заливают последний бетон для малой ГЭС "
                    "на быстром горном ручье, питающем реку Нарын. Станция мощностью 8 мегаватт — один "
                    "из четырех похожих проектов, которые местные инвесторы надеются запустить к "
                    "ноябрю.",
                ),
                (
                    "p",
                    "Кыргызстан получает большую часть электроэнергии от гидростанций, но в маловодные "
                    "годы низкий уровень воды в крупных водохранилищах приводит к веерным отключениям "
                    "зимой. Вместе четыре станции добавят 29 мегаватт — по словам инженеров, этого "
                    "хватит примерно на 40 тысяч домов в самые холодные месяцы.",
                ),
                (
                    "quote",
                    "Каждый мегаватт, который мы вырабатываем здесь, — это на один мегаватт меньше "
                    "импорта, когда придут морозы.",
                    "Нурлан Асаналиев, вымышленный инженер проекта в Нарыне",
                ),
                (
                    "p",
                    "Проекты финансируются по схеме, которая гарантирует фиксированную закупочную цену "
                    "на десять лет со дня подключения каждой станции к сети. «Без такой гарантии ни один банк не дал бы кредит на станцию на "
                    "высоте 2800 метров», — говорит Аида Джумабаева, вымышленный финансовый директор "
                    "одного из застройщиков. По ее словам, каждую весну дороги к объектам на несколько "
                    "недель закрывает снег.",
                ),
                (
                    "p",
                    "Чабаны и жители долин выражают беспокойство из-за воды для пастбищ и рыбы. "
                    "Застройщики уверяют, что каждая станция будет оставлять в ручье минимальный сток, "
                    "а водозаборы отводят воду лишь на коротком участке, после чего она возвращается "
                    "в русло.",
                ),
            ],
            "image": {
                "caption": "Заснеженные хребты над речной долиной в Нарынской области",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация заснеженных горных хребтов над узкой долиной",
            },
        },
    },
    {
        "key": "economy-07",
        "slug": "syr-darya-water-deal-gives-fergana-farmers-summer-relief",
        "topic": "economy",
        "countries": ["TJ", "UZ"],
        "tags": ["water", "cotton", "climate"],
        "authors": ["farrukh-nazarov", "zarina-karimova"],
        "days_ago": 16,
        "hours": 13,
        "title": "Syr Darya water deal gives Fergana Valley farmers relief in a hot summer",
        "standfirst": (
            "Tajik and Uzbek water managers have agreed a summer release schedule from a reservoir near "
            "Khujand, easing fears of shortages for cotton and orchards downstream."
        ),
        "body": [
            (
                "p",
                "Water officials from Tajikistan and Uzbekistan met in Khujand last week and agreed how "
                "much water will be released from a reservoir on the Syr Darya during July and August. "
                "Under the deal, outflows will rise to 520 cubic metres per second during the hottest "
                "weeks, when cotton fields and orchards downstream need the most irrigation.",
            ),
            (
                "p",
                "In exchange, Uzbekistan will supply electricity to northern Tajikistan over the summer, "
                "when the reservoir is used less for power generation. Engineers say the swap lets both "
                "countries get more value from the same river than if each managed its share alone.",
            ),
            ("h", "Downstream fields watch the gauges"),
            (
                "p",
                "Farmers in the Namangan and Fergana regions of Uzbekistan had feared a repeat of two "
                "summers ago, when canals ran low just as the cotton bolls were forming. “That year we "
                "lost a third of the crop on the tail end of the canal,” said Bahodir Yusupov, a "
                "fictional farmer who grows cotton and apricots near Kokand.",
            ),
            (
                "p",
                "On the Tajik side, orchard owners in the Sughd region say the agreement also gives them "
                "certainty. Nigina Saidova, a fictional hydrologist in Khujand, said the two sides now "
                "share gauge readings every six hours, a practice that did not exist a decade ago.",
            ),
            (
                "p",
                "Climate scientists warn that such deals will matter more as glaciers in the mountains "
                "that feed the Syr Darya shrink. Summers in the Fergana Valley have grown hotter, and "
                "demand for irrigation water is rising faster than the river can supply it.",
            ),
        ],
        "image": {
            "caption": "The Syr Darya flowing through the western Fergana Valley",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a wide river winding across a green valley at noon",
            "seed": 264,
            "palette": "noon",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Соглашение по Сырдарье облегчило жизнь фермерам Ферганской долины в жаркое лето",
            "standfirst": (
                "Таджикские и узбекские водники согласовали летний график попусков из водохранилища "
                "под Худжандом, что ослабило опасения нехватки воды для хлопка и садов ниже по течению."
            ),
            "body": [
                (
                    "p",
                    "На прошлой неделе водники Таджикистана и Узбекистана встретились в Худжанде и "
                    "договорились, сколько воды будет сбрасываться из водохранилища на Сырдарье в июле "
                    "и августе. По соглашению, в самые жаркие недели, когда хлопковым полям и садам ниже "
                    "по течению больше всего нужен полив, сброс вырастет до 520 кубометров в секунду.",
                ),
                (
                    "p",
                    "Взамен Узбекистан летом будет поставлять электроэнергию на север Таджикистана, "
                    "когда водохранилище меньше используется для выработки энергии. Инженеры говорят, "
                    "что такой обмен позволяет обеим странам получать от одной реки больше пользы, чем "
                    "если бы каждая распоряжалась своей долей отдельно.",
                ),
                ("h", "Поля ниже по течению следят за гидропостами"),
                (
                    "p",
                    "Фермеры Наманганской и Ферганской областей Узбекистана опасались повторения "
                    "ситуации двухлетней давности, когда каналы обмелели как раз в период завязывания "
                    "хлопковых коробочек. «В тот год мы потеряли треть урожая в хвосте канала», — "
                    "вспоминает Баходир Юсупов, вымышленный фермер, выращивающий хлопок и абрикосы "
                    "под Кокандом.",
                ),
                (
                    "p",
                    "На таджикской стороне владельцы садов в Согдийской области говорят, что соглашение "
                    "дает уверенность и им. Нигина Саидова, вымышленный гидролог из Худжанда, отмечает, "
                    "что стороны теперь обмениваются показаниями гидропостов каждые шесть часов — "
                    "десять лет назад такой практики не было.",
                ),
                (
                    "p",
                    "Климатологи предупреждают, что по мере таяния ледников в горах, питающих Сырдарью, "
                    "значение таких соглашений будет расти. Лето в Ферганской долине становится жарче, "
                    "а спрос на поливную воду растет быстрее, чем река способна его удовлетворить.",
                ),
            ],
            "image": {
                "caption": "Сырдарья в западной части Ферганской долины",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация широкой реки, петляющей по зеленой долине в полдень",
            },
        },
    },
    {
        "key": "economy-08",
        "slug": "almaty-fintech-startups-test-new-central-bank-sandbox",
        "topic": "economy",
        "countries": ["KZ"],
        "tags": ["startups", "central bank", "remittances"],
        "authors": ["sergei-volkov"],
        "days_ago": 21,
        "hours": 15,
        "title": "Almaty fintech startups line up to test products in a central bank sandbox",
        "standfirst": (
            "Eleven young companies have been admitted to a regulatory sandbox in Almaty, where they can "
            "trial payment and lending services under supervision before applying for full licences."
        ),
        "body": [
            (
                "p",
                "A converted tobacco warehouse in central Almaty has become the unofficial home of the "
                "city's financial technology scene. Of the eleven startups admitted to the central bank's "
                "new testing programme this month, seven have desks in the building, where founders share "
                "a kitchen, a meeting room and, they joke, the same three investors.",
            ),
            (
                "p",
                "The sandbox lets companies serve up to 5,000 real customers for a year under relaxed "
                "rules, provided they report data to the regulator every month. The first group includes "
                "a cross-border transfer app for migrant workers, a service that scores farmers for credit "
                "using satellite images of their fields, and a platform for small shops to accept QR "
                "payments.",
            ),
            (
                "p",
                "“Before the sandbox, we had to choose between waiting two years for a licence or "
                "operating in a grey zone,” said Timur Zhakupov, the fictional co-founder of the transfer "
                "app. His team of fourteen plans to offer cheaper transfers between Kazakhstan, "
                "Kyrgyzstan and Uzbekistan, where many families rely on money sent by relatives.",
            ),
            (
                "p",
                "Investors say the programme has already helped. Venture funding for Kazakh fintech "
                "companies reached about 60 million dollars last year, according to a fictional industry "
                "survey, and several funds from Astana and abroad have opened offices nearby.",
            ),
            (
                "p",
                "Consumer groups have urged caution, particularly over lending apps that charge high "
                "interest. The regulator says each participant must cap its fees and publish complaint "
                "figures, and that any company breaking the rules will be removed from the programme.",
            ),
        ],
        "image": {
            "caption": "Almaty at night beneath the Trans-Ili Alatau",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of dark mountain silhouettes under a starry night sky",
            "seed": 270,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "economy-09",
        "slug": "mary-wheat-growers-count-on-karakum-canal-repairs",
        "topic": "economy",
        "countries": ["TM"],
        "tags": ["wheat", "water", "climate"],
        "authors": ["maral-annayeva"],
        "days_ago": 26,
        "hours": 7,
        "title": "Mary wheat growers count on Karakum canal repairs after a dry spring",
        "standfirst": (
            "Farmers in the Mary province are relining irrigation ditches and sowing earlier, hoping to "
            "protect the autumn wheat crop from the heat that cut yields this year."
        ),
        "body": [
            (
                "p",
                "Along the Karakum canal east of Mary, work crews are lining the banks of feeder ditches "
                "with concrete slabs to stop water from seeping into the sand. Local engineers estimate "
                "that unlined channels in the oasis lose up to a third of their flow before it reaches "
                "the fields.",
            ),
            (
                "p",
                "This year's spring brought temperatures above 40 degrees in early May, when wheat in "
                "the province was still filling its grain. Farmers say yields fell to around 2.8 tonnes "
                "per hectare, compared with more than 3.5 tonnes in a normal season.",
            ),
            (
                "quote",
                "The desert does not forgive a wasted litre, so we are fixing the ditches before we ask "
                "for more water.",
                "Gurbangul Orazova, fictional head of a farmers' association near Mary",
            ),
            (
                "p",
                "Agronomists are also advising growers to sow winter wheat two weeks earlier so that the "
                "crop ripens before the worst heat. “We lose a little on the autumn side, but we gain "
                "much more in May,” said Kakajan Durdyyev, a fictional agronomist at a seed station in "
                "the province.",
            ),
            (
                "p",
                "The canal, which carries water from the Amu Darya across the Karakum desert towards "
                "Ashgabat, is the lifeline of southern Turkmenistan's farms. Officials say 600 kilometres "
                "of smaller channels in the Mary and Lebap provinces will be repaired over three years.",
            ),
        ],
        "image": {
            "caption": "An irrigation canal crossing the Karakum desert near Mary",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a thin blue canal crossing warm desert dunes",
            "seed": 277,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "economy-10",
        "slug": "samarkand-guesthouses-ride-record-tourism-season",
        "topic": "economy",
        "countries": ["UZ"],
        "tags": ["tourism", "heritage", "transport"],
        "authors": ["zarina-karimova"],
        "days_ago": 33,
        "hours": 12,
        "title": "Samarkand guesthouses ride a record tourism season as fast trains fill up",
        "standfirst": (
            "Family-run guesthouses in Samarkand's old quarters report their busiest spring on record, "
            "driven by high-speed rail links from Tashkent and new flights from Asia and Europe."
        ),
        "body": [
            (
                "p",
                "In the narrow lanes behind the Registan, almost every second courtyard house now has a "
                "hand-painted sign offering rooms. The city's tourism department counted 1,900 registered "
                "guesthouses this spring, three times as many as five years ago, and says foreign arrivals "
                "rose by 28 percent in the first four months of the year.",
            ),
            (
                "p",
                "Much of the growth is linked to the high-speed trains that cover the route from Tashkent "
                "in about two hours. Tickets for weekend departures often sell out days in advance, and "
                "the railway has added an extra early-morning service that continues on to Bukhara.",
            ),
            (
                "image",
                "Tiled domes and courtyards in Samarkand's old city in late afternoon light",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "“Ten years ago my mother rented one room to students, now we have nine rooms and a "
                "waiting list in April,” said Farida Usmonova, a fictional guesthouse owner near the "
                "Siab bazaar. She employs four neighbours as cooks and cleaners and buys bread, fruit and "
                "dried apricots from the market every morning.",
            ),
            (
                "p",
                "Heritage specialists say the boom brings pressure as well as income. Some owners have "
                "added concrete upper floors to traditional mud-brick houses, and the city has fined "
                "several for changing facades in protected streets without permission.",
            ),
            (
                "p",
                "Officials say they want visitors to stay longer and spread their spending to nearby "
                "villages and the mountains south of the city. A new scheme offers small grants to rural "
                "families who open homestays and craft workshops along the road to Urgut.",
            ),
        ],
        "image": {
            "caption": "Evening over the old quarters of Samarkand",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of low hills and a glowing horizon at dusk",
            "seed": 283,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "economy-11",
        "slug": "karakol-ski-and-trekking-firms-stretch-issyk-kul-season",
        "topic": "economy",
        "countries": ["KG"],
        "tags": ["tourism", "mountains", "climate"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 40,
        "hours": 18,
        "title": "Karakol trekking and ski firms try to stretch the Issyk-Kul tourist season",
        "standfirst": (
            "Businesses around Karakol are marketing autumn hikes and winter skiing to reduce their "
            "reliance on a short summer beach season on Issyk-Kul's northern shore."
        ),
        "body": [
            (
                "p",
                "For most visitors, Issyk-Kul means a few weeks of swimming in July and August at resorts "
                "on the northern shore. Tour operators in Karakol, at the lake's eastern end, are trying "
                "to change that by selling the valleys of the Terskey Ala-Too range as a destination from "
                "September to March.",
            ),
            (
                "p",
                "A group of nine local firms has pooled money to advertise autumn treks to alpine lakes "
                "and hot springs, when the larches turn yellow and the trails are quieter. Bookings for "
                "September and October doubled last year, according to figures the group shared with "
                "the Steppe Courier.",
            ),
            (
                "p",
                "“In summer everyone is busy, in winter half the town used to go to Bishkek or abroad "
                "to look for work,” said Kanat Osmonaliev, a fictional mountain guide who also rents "
                "out skis. He said the ski base above Karakol now employs around 120 people from "
                "December to March, most of them from nearby villages.",
            ),
            (
                "p",
                "Operators admit the winter season depends on snow, which has become less reliable. Two "
                "of the last five winters started late, and the ski base is considering snow-making "
                "equipment, though the cost and the electricity needed remain obstacles.",
            ),
            (
                "p",
                "Regional authorities have promised to improve the road between Karakol and the airport "
                "at the western end of the lake. Tour firms say better access, and more flights from "
                "Almaty, would do more for year-round tourism than any advertising campaign.",
            ),
        ],
        "image": {
            "caption": "Morning light over the mountains near Karakol",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a lake beneath mountain peaks in soft dawn light",
            "seed": 289,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "economy-12",
        "slug": "aral-sea-fishing-towns-from-aralsk-to-nukus-seek-new-trade",
        "topic": "economy",
        "countries": ["KZ", "UZ"],
        "tags": ["aral sea", "water", "climate", "trade"],
        "authors": ["aigerim-sadykova", "dilnoza-rakhimova"],
        "days_ago": 47,
        "hours": 10,
        "title": "Aral Sea towns from Aralsk to Nukus look to fish, salt and saxaul for a new economy",
        "standfirst": (
            "On the Kazakh shore the northern Aral has partly recovered, while Karakalpakstan faces a "
            "drier future. Both sides are looking for ways to earn a living from a changed landscape."
        ),
        "body": [
            (
                "p",
                "In the port town of Aralsk, fishing boats that once lay rusting in the sand are back on "
                "the water. Since a dam was built to hold water in the northern part of the Aral Sea, the "
                "shoreline has crept back towards the town, and local processors say they landed about "
                "8,000 tonnes of pike-perch, bream and carp last year.",
            ),
            (
                "p",
                "“My father told me stories about the sea, now my son goes out on it every morning,” "
                "said Serik Abenov, a fictional fish processor who exports frozen fillets to buyers in "
                "Europe. His small plant employs 35 people during the autumn catch and plans to open a "
                "smokehouse next spring.",
            ),
            (
                "quote",
                "The sea did not come back to what it was, but it came back enough to feed a town.",
                "Serik Abenov, fictional fish processor in Aralsk",
            ),
            (
                "p",
                "Further south, in Nukus, the picture is harsher. The southern Aral, fed by what little "
                "of the Amu Darya reaches it, has shrunk into shallow, salty lakes. Local entrepreneurs "
                "are experimenting with brine shrimp harvesting and salt processing, while forestry teams "
                "plant saxaul shrubs on the dry seabed to hold down dust.",
            ),
            (
                "p",
                "“Saxaul gives us work today and cleaner air tomorrow,” said Aysuluw Tleuova, a "
                "fictional nursery manager who grows seedlings outside Nukus. She said her team of 60 "
                "had planted shrubs across 3,000 hectares of former seabed this year.",
            ),
            (
                "p",
                "Researchers from both countries met in Nukus in the spring to share data on water flows "
                "and salinity. They say any lasting recovery will depend on how much water upstream "
                "farmers along the Syr Darya and the Amu Darya are able to save.",
            ),
        ],
        "image": {
            "caption": "The shoreline of the northern Aral Sea near Aralsk",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a pale shoreline where desert meets shallow water",
            "seed": 295,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": 45,
        "ru": {
            "title": "Города Приаралья от Аральска до Нукуса ищут новую экономику в рыбе, соли и саксауле",
            "standfirst": (
                "На казахстанском берегу Северный Арал частично восстановился, а Каракалпакстан ждет "
                "более засушливое будущее. Обе стороны ищут способы зарабатывать на изменившемся "
                "ландшафте."
            ),
            "body": [
                (
                    "p",
                    "В портовом городе Аральске рыбацкие лодки, когда-то ржавевшие в песке, снова вышли "
                    "на воду. После того как была построена плотина, удерживающая воду в северной части "
                    "Аральского моря, береговая линия вернулась ближе к городу, и местные переработчики "
                    "говорят, что в прошлом году выловили около 8000 тонн судака, леща и сазана.",
                ),
                (
                    "p",
                    "«Отец рассказывал мне о море, а теперь мой сын каждое утро выходит в него», — "
                    "говорит Серик Абенов, вымышленный переработчик рыбы, который экспортирует "
                    "замороженное филе покупателям в Европе. На его небольшом предприятии во время "
                    "осенней путины работают 35 человек, а следующей весной он планирует открыть "
                    "коптильню.",
                ),
                (
                    "quote",
                    "Море не стало прежним, но вернулось настолько, чтобы прокормить город.",
                    "Серик Абенов, вымышленный переработчик рыбы из Аральска",
                ),
                (
                    "p",
                    "Южнее, в Нукусе, картина суровее. Южный Арал, который питает то немногое, что "
                    "доходит от Амударьи, распался на мелкие соленые озера. Местные предприниматели "
                    "пробуют добывать рачка артемию и перерабатывать соль, а лесники высаживают "
                    "саксаул на высохшем дне, чтобы удержать пыль.",
                ),
                (
                    "p",
                    "«Саксаул дает нам работу сегодня и чистый воздух завтра», — говорит Айсулув "
                    "Тлеуова, вымышленная руководительница питомника, которая выращивает саженцы под "
                    "Нукусом. По ее словам, в этом году ее бригада из 60 человек засадила кустарником "
                    "3000 гектаров бывшего морского дна.",
                ),
                (
                    "p",
                    "Весной ученые двух стран встретились в Нукусе, чтобы обменяться данными о стоке "
                    "воды и солености. По их словам, устойчивое восстановление будет зависеть от того, "
                    "сколько воды смогут сэкономить фермеры выше по течению Сырдарьи и Амударьи.",
                ),
            ],
            "image": {
                "caption": "Берег Северного Арала возле Аральска",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация бледного берега, где пустыня встречается с мелководьем",
            },
        },
    },
    {
        "key": "economy-13",
        "slug": "khorog-workshops-grow-as-pamir-hydropower-steadies-supply",
        "topic": "economy",
        "countries": ["TJ"],
        "tags": ["hydropower", "energy", "mountains", "startups"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 58,
        "hours": 20,
        "title": "Khorog workshops grow as Pamir hydropower keeps the lights on through winter",
        "standfirst": (
            "A steadier electricity supply from local hydropower stations has encouraged small "
            "businesses in Khorog to stay open year-round, from bakeries to a wool-processing workshop."
        ),
        "body": [
            (
                "p",
                "For years, winter in Khorog meant candles, wood stoves and shuttered shops. Since an "
                "upgraded hydropower station on the Gunt river began running at full capacity, residents "
                "of the Pamir town say power cuts have become rare even in January, when temperatures in "
                "the valley fall below minus 20 degrees.",
            ),
            (
                "p",
                "Local business owners say the change has been quietly transformative. The number of "
                "registered small enterprises in Khorog rose from 410 to 560 in two years, according to "
                "the fictional regional chamber of commerce, and most of the new firms depend on "
                "electric ovens, sewing machines or computers.",
            ),
            (
                "image",
                "Terraced houses along the Gunt river beneath the peaks of the Pamir",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "“We used to close the workshop from November to March, now we spin yak and sheep wool "
                "all winter,” said Shahnoza Mamadnazarova, a fictional founder of a cooperative that "
                "employs 22 women. Their scarves and socks are sold to trekkers in summer and shipped to "
                "buyers in Dushanbe and abroad the rest of the year.",
            ),
            (
                "p",
                "Engineers caution that the Gunt river runs lowest in late winter, exactly when demand "
                "peaks. The utility is testing small solar installations on public buildings to take "
                "some of the load off the river during the coldest weeks.",
            ),
            (
                "p",
                "Young people returning from jobs abroad are adding to the trend. Several have opened "
                "internet cafes, repair shops and guesthouses, saying that reliable power makes it "
                "possible, for the first time, to build a living in the mountains rather than leave them.",
            ),
        ],
        "image": {
            "caption": "Winter in the Gunt river valley near Khorog",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of snow-covered peaks around a deep mountain valley",
            "seed": 299,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
]
