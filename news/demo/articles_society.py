"""Society section articles for the demo newsroom "The Steppe Courier".

This is fictional demo content. The places are real, but every event, person, quote and
figure below is invented for demonstration purposes and does not describe real news.
"""

ARTICLES: list[dict] = [
    {
        "key": "society-01",
        "slug": "almaty-bishkek-morning-train-fills-with-weekly-commuters",
        "topic": "society",
        "countries": ["KZ", "KG"],
        "tags": ["railways", "transport", "migration"],
        "authors": ["aigerim-sadykova", "bakyt-toktogulov"],
        "days_ago": 0,
        "hours": 9,
        "title": "Almaty–Bishkek morning train fills with weekly commuters in its first week",
        "standfirst": (
            "A pilot passenger service across the Korday crossing has cut a five-hour road trip to "
            "under four hours. The people riding it are mostly builders, nurses and students who "
            "work on one side of the border and live on the other."
        ),
        "body": [
            (
                "p",
                "The first carriages of the pilot service pulled out of Almaty-2 station at 06:10 on "
                "Monday with 212 of their 240 seats taken, according to the operator's own count. By "
                "Friday the train was running full, and conductors were turning away passengers "
                "without reservations at the platform gate. The service, a joint project of the two "
                "national rail carriers, runs three times a week in each direction.",
            ),
            (
                "p",
                "Most of those on board are not tourists. A survey handed out by volunteers from a "
                "Bishkek student union found that six in ten riders travel for work, typically on "
                "construction sites in Almaty's northern districts or in private clinics that hire "
                "Kyrgyz nurses on short contracts. Another fifth are students going home for the "
                "weekend.",
            ),
            ("h", "Border checks on board"),
            (
                "p",
                "The biggest change is at the frontier. Instead of queuing at the Korday road "
                "checkpoint, where lorry traffic can stretch waits past two hours, passengers now have "
                "their passports checked by officers who board at the last station before the border. "
                "The whole procedure took 35 minutes on the Wednesday run observed by the Courier.",
            ),
            (
                "p",
                "“I used to leave home in Kant at four in the morning and still be late for the "
                "site,” said Nurlan Abdykadyrov, 34, a tiler who works on a housing block near "
                "Almaty's northern ring road. “Now I sleep on the train and arrive with coffee.” He "
                "pays 4,800 tenge for a one-way ticket, roughly what he used to spend on a seat in a "
                "shared taxi.",
            ),
            (
                "p",
                "Not everything works yet. Return trains leave Almaty at 18:40, too early for many "
                "shift workers, and there is no connection at Bishkek-1 to the minibuses heading for "
                "villages in the Chuy valley. Officials say a decision on a daily timetable will be "
                "made after a three-month trial, once they know whether demand survives the summer "
                "construction season.",
            ),
        ],
        "image": {
            "caption": "A pilot passenger train between Almaty and Bishkek at first light",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a railway line crossing the steppe towards mountains at dawn",
            "seed": 301,
            "palette": "dawn",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Утренний поезд Алматы — Бишкек уже в первую неделю ходит без свободных мест",
            "standfirst": (
                "Пробный пассажирский рейс через переход Кордай сократил пятичасовую поездку по "
                "трассе до менее чем четырёх часов. Едут в основном строители, медсёстры и студенты, "
                "которые работают по одну сторону границы, а живут по другую."
            ),
            "body": [
                (
                    "p",
                    "Первые вагоны пробного рейса отошли от станции Алматы-2 в понедельник в 06:10: "
                    "по подсчётам перевозчика, из 240 мест были заняты 212. К пятнице поезд шёл "
                    "полностью заполненным, и проводникам пришлось не пускать на перрон пассажиров "
                    "без брони. Рейс — совместный проект двух национальных железнодорожных "
                    "компаний — курсирует три раза в неделю в каждом направлении.",
                ),
                (
                    "p",
                    "Большинство пассажиров — не туристы. По данным анкет, которые раздали "
                    "волонтёры студенческого союза из Бишкека, шестеро из десяти едут на работу — "
                    "как правило, на стройки в северных районах Алматы или в частные клиники, "
                    "нанимающие медсестёр из Кыргызстана по краткосрочным контрактам. Ещё пятая "
                    "часть — студенты, которые возвращаются домой на выходные.",
                ),
                ("h", "Пограничный контроль в вагоне"),
                (
                    "p",
                    "Главное изменение — на границе. Вместо того чтобы стоять в очереди на "
                    "автомобильном пункте пропуска Кордай, где из-за грузовиков ожидание может "
                    "затянуться больше чем на два часа, пассажиры теперь проходят паспортный "
                    "контроль прямо в поезде: пограничники садятся в вагоны на последней станции "
                    "перед границей. В среду, когда в поезде ехал корреспондент Courier, вся "
                    "процедура заняла 35 минут.",
                ),
                (
                    "p",
                    "«Раньше я выезжал из Канта в четыре утра и всё равно опаздывал на объект», — "
                    "рассказал 34-летний плиточник Нурлан Абдыкадыров, который работает на "
                    "строительстве жилого дома у северной объездной дороги Алматы. «Теперь я сплю в "
                    "поезде и приезжаю с кофе». Билет в одну сторону обходится ему в 4800 тенге — "
                    "примерно столько же он раньше платил за место в такси.",
                ),
                (
                    "p",
                    "Пока не всё работает как надо. Обратный поезд отправляется из Алматы в 18:40 — "
                    "слишком рано для многих, кто работает посменно, а на станции Бишкек-1 нет "
                    "пересадки на маршрутки до сёл Чуйской долины. Чиновники обещают решить вопрос "
                    "о ежедневном расписании после трёхмесячного испытания, когда станет ясно, "
                    "сохранится ли спрос после летнего строительного сезона.",
                ),
            ],
            "image": {
                "caption": "Пробный пассажирский поезд между Алматы и Бишкеком на рассвете",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация железной дороги, пересекающей степь к горам на рассвете",
            },
        },
    },
    {
        "key": "society-02",
        "slug": "khorog-hospital-links-pamir-villages-to-doctors-by-satellite",
        "topic": "society",
        "countries": ["TJ"],
        "tags": ["health", "mountains"],
        "authors": ["zarina-karimova"],
        "days_ago": 1,
        "hours": 14,
        "title": "Khorog hospital links Pamir villages to doctors by satellite video",
        "standfirst": (
            "Seventeen village health posts in the western Pamir can now put a patient in front of a "
            "specialist in Khorog without a two-day drive over mountain roads."
        ),
        "body": [
            (
                "p",
                "The regional hospital in Khorog has finished installing satellite terminals at 17 "
                "rural health posts along the Panj and Gunt valleys, its chief physician said on "
                "Tuesday. Each post received a laptop, a camera and a portable ultrasound scanner that "
                "can send images to the hospital's radiology room. The equipment was paid for by a "
                "charitable fund run by doctors from the region who now work abroad.",
            ),
            (
                "p",
                "Until now, a pregnant woman in a village in the Roshtqala district or a farmer with a "
                "suspected fracture in the upper Gunt valley faced a journey of up to nine hours to "
                "reach a specialist. In winter, when avalanches close the road for days at a time, "
                "that trip was often impossible. Nurses at the posts say they used to rely on crackly "
                "mobile calls and guesswork.",
            ),
            (
                "quote",
                "The mountain does not care how good your doctor is if the doctor is on the other side "
                "of a closed pass.",
                "Gulnora Shirinbekova, nurse at a health post in the Gunt valley",
            ),
            (
                "p",
                "In the first month of operation the hospital held 146 video consultations, most of "
                "them in obstetrics, paediatrics and cardiology. Doctors decided that 19 patients "
                "needed to be brought to Khorog urgently and that the rest could be treated locally "
                "with guidance. Dr Safarmo Davlatshoeva, who coordinates the programme, said the trips "
                "avoided matter more than the totals: “Every family that stays home saves money it "
                "does not have.”",
            ),
            (
                "p",
                "The system depends on solar panels and batteries that struggle in the cloudy weeks of "
                "January. Two posts lost their connection for several days during the first snowfall, "
                "and technicians had to walk in to reset the equipment. The hospital is now training "
                "one resident in each village to handle basic repairs.",
            ),
            (
                "p",
                "Health officials in Dushanbe say they are watching the pilot closely. If the hospital "
                "can show fewer emergency helicopter evacuations over the winter, they plan to extend "
                "the model to the Rasht valley and to remote districts of the Khatlon region next "
                "year.",
            ),
        ],
        "image": {
            "caption": "A village health post in the western Pamir, linked to Khorog by satellite",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of snow-covered mountain peaks above a narrow valley",
            "seed": 317,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Больница Хорога связала памирские сёла с врачами по спутниковой видеосвязи",
            "standfirst": (
                "Семнадцать сельских медпунктов на западном Памире теперь могут показать пациента "
                "специалисту в Хороге, не отправляя его в двухдневную дорогу по горным серпантинам."
            ),
            "body": [
                (
                    "p",
                    "Областная больница Хорога завершила установку спутниковых терминалов в 17 "
                    "сельских медпунктах в долинах Пянджа и Гунта, сообщил во вторник её главный "
                    "врач. Каждый медпункт получил ноутбук, камеру и портативный аппарат УЗИ, "
                    "который может передавать снимки в отделение лучевой диагностики больницы. "
                    "Оборудование оплатил благотворительный фонд, созданный врачами — выходцами из "
                    "региона, которые сейчас работают за рубежом.",
                ),
                (
                    "p",
                    "До сих пор беременной женщине из села в Рошткалинском районе или фермеру с "
                    "подозрением на перелом в верховьях Гунта приходилось добираться до специалиста "
                    "до девяти часов. Зимой, когда лавины на несколько дней перекрывают дорогу, "
                    "такая поездка часто была невозможна. Медсёстры признаются, что раньше "
                    "полагались на мобильную связь с помехами и на догадки.",
                ),
                (
                    "quote",
                    "Горам всё равно, насколько хорош ваш врач, если он находится по ту сторону "
                    "закрытого перевала.",
                    "Гулнора Ширинбекова, медсестра медпункта в долине Гунта",
                ),
                (
                    "p",
                    "За первый месяц работы больница провела 146 видеоконсультаций, в основном по "
                    "акушерству, педиатрии и кардиологии. Врачи решили, что 19 пациентов нужно "
                    "срочно доставить в Хорог, а остальных можно лечить на месте под их "
                    "руководством. Координатор программы врач Сафармо Давлатшоева считает, что "
                    "важнее общего числа консультаций — поездки, которых удалось избежать: «Каждая "
                    "семья, которая остаётся дома, экономит деньги, которых у неё нет».",
                ),
                (
                    "p",
                    "Система зависит от солнечных панелей и аккумуляторов, которым тяжело даются "
                    "пасмурные недели января. Во время первого снегопада два медпункта на несколько "
                    "дней остались без связи, и техникам пришлось добираться до них пешком, чтобы "
                    "перезапустить оборудование. Теперь больница обучает в каждом селе по одному "
                    "жителю, который сможет выполнять простой ремонт.",
                ),
                (
                    "p",
                    "В системе здравоохранения в Душанбе говорят, что внимательно следят за "
                    "пилотным проектом. Если по итогам зимы больница покажет, что экстренных "
                    "эвакуаций на вертолёте стало меньше, в следующем году эту модель планируют "
                    "распространить на Раштскую долину и отдалённые районы Хатлонской области.",
                ),
            ],
            "image": {
                "caption": "Сельский медпункт на западном Памире, связанный с Хорогом через спутник",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация заснеженных горных вершин над узкой долиной",
            },
        },
    },
    {
        "key": "society-03",
        "slug": "nukus-schools-move-lessons-indoors-as-aral-dust-storms",
        "topic": "society",
        "countries": ["UZ"],
        "tags": ["aral sea", "health", "climate", "education"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 57,
        "hours": 11,
        "title": "Nukus schools move lessons indoors as Aral dust storms return",
        "standfirst": (
            "Salt-laden storms blowing off the dried Aral seabed forced schools across "
            "Karakalpakstan to cancel outdoor classes for a week, renewing questions about "
            "children's health in the region."
        ),
        "body": [
            (
                "p",
                "Education authorities in Nukus told headteachers on Sunday to keep pupils inside "
                "after a brown wall of dust swept in from the Aralkum desert, the former bed of the "
                "Aral Sea. Visibility in parts of Muynak fell below 200 metres, and the regional "
                "weather service recorded particle levels more than six times the safe limit. "
                "Physical education lessons, school assemblies and a district sports day were "
                "cancelled.",
            ),
            (
                "p",
                "The storms carry more than sand. Scientists have long warned that the exposed seabed "
                "holds salts and residues of farm chemicals washed down the Amu Darya over decades of "
                "cotton growing. Paediatricians at the regional children's hospital in Nukus said "
                "admissions for asthma and bronchitis rose by about a third during the week.",
            ),
            (
                "image",
                "Dust rising over the exposed bed of the former Aral Sea near Muynak",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "“The children come in coughing, their eyes red, and they ask me when they can play "
                "outside again,” said Gulshira Tleumuratova, a primary teacher at a school on the edge "
                "of Nukus. Her school sealed its old wooden window frames with tape and wet cloths, a "
                "method parents remember from the storms of the 1990s. Some families kept younger "
                "children at home altogether.",
            ),
            (
                "p",
                "Planting programmes on the dry seabed have covered large areas with saxaul shrubs, "
                "which help to hold the ground in place. Local ecologists say the planted belts have "
                "softened the worst storms near Muynak, but the wind still finds bare stretches "
                "further north. They want schools to be given air purifiers and simple monitors, so "
                "that closures are based on measurements rather than on how the sky looks.",
            ),
            (
                "p",
                "Regional officials said a fund for school ventilation would be discussed at the next "
                "budget session. For now, teachers have been asked to move outdoor activities to early "
                "mornings, when winds over the Aralkum are usually at their weakest.",
            ),
        ],
        "image": {
            "caption": "Dust storms return over Nukus and the dried bed of the Aral Sea",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a hazy desert horizon under an ochre sky",
            "seed": 342,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-04",
        "slug": "mary-farmers-form-water-users-group-to-share-canal-flows",
        "topic": "society",
        "countries": ["TM"],
        "tags": ["water", "cotton", "climate"],
        "authors": ["maral-annayeva"],
        "days_ago": 5,
        "hours": 8,
        "title": "Mary farmers form a water users' group to share shrinking canal flows",
        "standfirst": (
            "Growers on the Murghab oasis have agreed a rotating irrigation schedule after a dry "
            "spring left the far ends of their canals with barely a trickle."
        ),
        "body": [
            (
                "p",
                "Around 180 farming families in three villages east of Mary signed a written agreement "
                "last week to take turns drawing water from a branch of the Karakum Canal. Under the "
                "plan, each block of fields gets a fixed 36-hour window every ten days, announced on a "
                "chalkboard outside the village council office. Families who divert water outside "
                "their window face a fine set by the group itself.",
            ),
            (
                "p",
                "The arrangement grew out of frustration. Farmers at the tail of the canal, furthest "
                "from the main sluice, say they lost most of their cotton seedlings in April while "
                "upstream plots were flooded. “Whoever got up earliest got the water,” said Orazgeldi "
                "Berdiyev, who grows cotton and wheat on eleven hectares. “That is not a system, it is "
                "a race.”",
            ),
            (
                "p",
                "Water specialists say rotating schedules are one of the cheapest ways to stretch a "
                "limited supply, because they cut the losses from half-filled ditches soaking into "
                "sandy soil. The group has also bought two portable flow meters so that each household "
                "can see how much it actually receives. The readings go into a shared notebook that "
                "anyone can inspect.",
            ),
            (
                "quote",
                "When everyone can see the numbers, the arguments at the canal stop very quickly.",
                "Jemal Hojamuradova, secretary of the water users' group",
            ),
            (
                "p",
                "The scheme faces its real test in July, when temperatures on the Murghab oasis "
                "regularly pass 45C and cotton needs the most water. Agronomists from a nearby "
                "agricultural college have offered to help farmers move part of their vegetable plots "
                "to drip lines. The group plans to review its schedule after the harvest.",
            ),
        ],
        "image": {
            "caption": "Irrigated fields on the Murghab oasis near Mary",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of flat desert farmland under a bright midday sky",
            "seed": 356,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-05",
        "slug": "naryn-migrant-remittances-build-a-new-street-of-houses",
        "topic": "society",
        "countries": ["KG"],
        "tags": ["remittances", "migration", "mountains"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 8,
        "hours": 16,
        "title": "Naryn's new street of houses is being built with money from migrant workers",
        "standfirst": (
            "On the edge of Naryn, a row of brick houses has grown out of a hay meadow in three "
            "years, paid for almost entirely by wages earned on building sites and in warehouses "
            "abroad."
        ),
        "body": [
            (
                "p",
                "Residents call it simply Jany Kocho, New Street: 46 two-storey brick houses on land "
                "that was a hay meadow three years ago. Almost every one of them, according to the "
                "neighbourhood committee, was financed by a family member working in Russia, "
                "Kazakhstan or South Korea. Several are still without roofs, waiting for the next "
                "transfer.",
            ),
            (
                "p",
                "Remittances have long made up a large share of Kyrgyzstan's economy, but in the "
                "high-altitude Naryn region, where winters last six months and jobs are scarce, their "
                "weight is felt on every street. A local savings cooperative said the average "
                "transfer it handled last year was about 38,000 som a month. Most of it, its staff "
                "say, goes into bricks, cement and windows rather than into businesses.",
            ),
            ("h", "Houses before businesses"),
            (
                "p",
                "“A house is the only thing that does not disappear,” said Aizada Jumabaeva, whose "
                "husband has spent seven winters on construction sites near Moscow. She manages the "
                "project from Naryn, buying materials when prices dip in autumn and paying local "
                "builders by the week. The family's house has walls and a roof but no heating yet, so "
                "they still live with her parents two streets away.",
            ),
            (
                "p",
                "Economists at a Bishkek university who studied the district found that households "
                "receiving money from abroad spend far more on housing and weddings than on livestock "
                "or small firms. They argue that cheap loans for greenhouses, or for guest houses "
                "serving tourists on their way to Song-Kol lake, could turn some of those savings into "
                "local jobs.",
            ),
            (
                "p",
                "The cost is measured in absence. Teachers at the nearest school say that in some "
                "classes more than half of the pupils have at least one parent working abroad, and "
                "many are being raised by grandparents. Jumabaeva hopes her husband will come home for "
                "good once the heating is installed, but admits the family has said that before.",
            ),
        ],
        "image": {
            "caption": "New brick houses on the edge of Naryn, built with money earned abroad",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a high mountain valley at dusk",
            "seed": 329,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": 6,
        "ru": {
            "title": "В Нарыне на деньги трудовых мигрантов вырастает новая улица",
            "standfirst": (
                "На окраине Нарына за три года на месте сенокоса вырос ряд кирпичных домов — почти "
                "целиком на заработки, полученные на стройках и складах за границей."
            ),
            "body": [
                (
                    "p",
                    "Местные жители называют её просто Жаңы Көчө — Новая улица: 46 двухэтажных "
                    "кирпичных домов на земле, где ещё три года назад косили сено. По данным "
                    "квартального комитета, почти каждый из них построен на деньги родственника, "
                    "работающего в России, Казахстане или Южной Корее. Несколько домов до сих пор "
                    "стоят без крыши в ожидании следующего перевода.",
                ),
                (
                    "p",
                    "Денежные переводы давно составляют значительную часть экономики Кыргызстана, "
                    "но в высокогорной Нарынской области, где зима длится полгода, а работы мало, "
                    "их вес ощущается на каждой улице. По данным местного сберегательного "
                    "кооператива, средний перевод, прошедший через него в прошлом году, составлял "
                    "около 38 000 сомов в месяц. По словам сотрудников, большая часть этих денег "
                    "уходит на кирпич, цемент и окна, а не в бизнес.",
                ),
                ("h", "Сначала дом, потом бизнес"),
                (
                    "p",
                    "«Дом — единственное, что не исчезает», — говорит Айзада Жумабаева, муж которой "
                    "провёл семь зим на стройках под Москвой. Она руководит строительством из "
                    "Нарына: покупает материалы осенью, когда цены падают, и платит местным "
                    "строителям понедельно. У дома семьи уже есть стены и крыша, но пока нет "
                    "отопления, поэтому они по-прежнему живут у её родителей через две улицы.",
                ),
                (
                    "p",
                    "Экономисты одного из бишкекских университетов, изучавшие район, выяснили, что "
                    "семьи, получающие деньги из-за рубежа, тратят на жильё и свадьбы гораздо "
                    "больше, чем на скот или малый бизнес. По их мнению, дешёвые кредиты на теплицы "
                    "или гостевые дома для туристов, едущих к озеру Сон-Куль, помогли бы превратить "
                    "часть этих сбережений в рабочие места на месте.",
                ),
                (
                    "p",
                    "Цена этого — разлука. Учителя ближайшей школы говорят, что в некоторых классах "
                    "больше чем у половины учеников хотя бы один из родителей работает за границей, "
                    "и многих детей растят бабушки и дедушки. Жумабаева надеется, что муж вернётся "
                    "домой насовсем, когда в доме проведут отопление, но признаёт, что в семье так "
                    "говорили и раньше.",
                ),
            ],
            "image": {
                "caption": "Новые кирпичные дома на окраине Нарына, построенные на заработки из-за рубежа",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация высокогорной долины в сумерках",
            },
        },
    },
    {
        "key": "society-06",
        "slug": "khujand-tashkent-bus-line-brings-back-weekend-family-visits",
        "topic": "society",
        "countries": ["TJ", "UZ"],
        "tags": ["transport", "trade", "migration"],
        "authors": ["farrukh-nazarov", "zarina-karimova"],
        "days_ago": 12,
        "hours": 10,
        "title": "Khujand–Tashkent bus line brings back weekend family visits across the border",
        "standfirst": (
            "A scheduled coach service between northern Tajikistan and the Uzbek capital now runs "
            "four times a day, and bazaar traders and relatives separated by the border are the "
            "first to use it."
        ),
        "body": [
            (
                "p",
                "The coaches leave Khujand's central bus station every few hours and cross at the "
                "Oybek checkpoint, reaching Tashkent in about three and a half hours. Tickets cost 95 "
                "somoni, and on the first Saturday of the service every seat on the morning "
                "departures was sold. Drivers say the return trips on Sunday evenings fill just as "
                "quickly.",
            ),
            (
                "p",
                "For families in the Sughd region, the route is about more than convenience. Many "
                "households have relatives in Tashkent, Samarkand or the Fergana Valley, and for years "
                "a visit meant changing vehicles at the border and haggling with taxi drivers on both "
                "sides. “My mother's sisters live in Chilanzar, and I saw them twice in ten years,” "
                "said Mavluda Nazarova, a schoolteacher from Khujand. “Last month I went three "
                "weekends in a row.”",
            ),
            (
                "image",
                "Morning traffic at the crossing between the Sughd and Tashkent regions",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "Traders are using the coaches too. Women from Khujand's Panjshanbe bazaar carry dried "
                "apricots and almonds to sell in Tashkent and return with textiles and children's "
                "clothing. Customs officers at Oybek say they have opened a separate lane for bus "
                "passengers so that large bags do not hold up the queue.",
            ),
            (
                "p",
                "Transport officials in both countries plan to add a coach line between Panjakent and "
                "Samarkand by the autumn, following the Zarafshan valley. They say the timetable will "
                "depend on how smoothly border procedures work during the summer, when traffic on "
                "the Khujand route typically doubles.",
            ),
            (
                "p",
                "Migration researchers in Dushanbe note that easier crossings could also change "
                "labour patterns. Some young men from Sughd who once headed to Russia now look for "
                "seasonal work on building sites in Tashkent, closer to home and with far cheaper "
                "journeys.",
            ),
        ],
        "image": {
            "caption": "The road between Khujand and Tashkent at the start of the day",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of rolling foothills at sunrise",
            "seed": 364,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-07",
        "slug": "turkestan-students-map-old-caravanserai-ruins",
        "topic": "society",
        "countries": ["KZ"],
        "tags": ["heritage", "tourism", "education"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 16,
        "hours": 13,
        "title": "Turkestan students map old caravanserai ruins for a volunteer heritage survey",
        "standfirst": (
            "Fifty history students spent three weeks walking the desert around Turkestan with GPS "
            "units and notebooks, recording traces of Silk Road stopovers that are disappearing "
            "under farmland and new roads."
        ),
        "body": [
            (
                "p",
                "The volunteers, mostly second- and third-year students from a university in "
                "Turkestan, documented 23 sites within 60 kilometres of the city, from low mounds of "
                "mud brick to the outline of a walled courtyard visible only from a drone. Each site "
                "was photographed, measured and entered into a shared database with its coordinates. "
                "Seven had never been recorded before, according to the project's supervisors.",
            ),
            (
                "p",
                "Many of the ruins lie close to the old caravan routes that once linked Otrar, Sauran "
                "and the crossings of the Syr Darya. Researchers say they are under quiet but constant "
                "pressure: a new irrigation channel cut through one mound last year, and a road crew "
                "used another as a source of fill. “Nobody means harm,” said Askar Beisenbayev, the "
                "archaeologist who led the field teams. “People simply do not know that the hill "
                "behind their house is nine hundred years old.”",
            ),
            (
                "quote",
                "Every site we write down is a site that someone will have to ask about before they "
                "build on it.",
                "Askar Beisenbayev, field archaeologist",
            ),
            (
                "p",
                "Turkestan has grown quickly since it became a regional capital, with new hotels and a "
                "tourist quarter near the mausoleum of Khoja Ahmed Yasawi. Local guides hope the "
                "survey will help them offer day trips beyond the restored centre. Two small sites "
                "near Sauran have already been proposed for signposted walking routes.",
            ),
            (
                "p",
                "The students' database will be handed to the regional heritage office in the autumn. "
                "Supervisors want it consulted whenever planning permission is issued, and they are "
                "preparing a second season next spring along the old road towards Shymkent.",
            ),
        ],
        "image": {
            "caption": "Ruins near Turkestan recorded by student volunteers",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of low desert hills under a warm afternoon sky",
            "seed": 372,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-08",
        "slug": "turkmenbashi-school-football-league-draws-seafront-crowds",
        "topic": "society",
        "countries": ["TM"],
        "tags": ["football", "education"],
        "authors": ["maral-annayeva"],
        "days_ago": 21,
        "hours": 18,
        "title": "Turkmenbashi school football league draws weekend crowds to the seafront",
        "standfirst": (
            "Sixteen school teams from the Caspian port city play every Saturday on a new artificial "
            "pitch by the sea, and parents have turned the matches into a weekly family outing."
        ),
        "body": [
            (
                "p",
                "The league began in March with eight teams and doubled within a month as schools "
                "from the city's outer districts asked to join. Matches are played on a pitch laid on "
                "reclaimed land beside the promenade, with the cranes of the port visible behind one "
                "goal. Boys and girls play in separate age groups from ten to sixteen.",
            ),
            (
                "p",
                "The organisers, a group of physical education teachers, say attendance regularly "
                "passes 600 on a fine Saturday. Families bring tea, bread and folding chairs, and "
                "stalls selling grilled fish have appeared along the touchline. “The sea wind is our "
                "twelfth player,” said coach Begench Amanov, whose under-14 side lost its first three "
                "games before winning six in a row.",
            ),
            ("h", "Girls' teams grow fastest"),
            (
                "p",
                "The fastest growth has been in girls' football. Four schools now field girls' teams, "
                "up from one at the start, and a match between two of them in May drew the biggest "
                "crowd of the season. Teachers say several girls who had never played before now "
                "train three times a week.",
            ),
            (
                "p",
                "The league has no sponsor, and the teachers pay for referees' whistles and medals "
                "from a small fund collected from parents. They hope to hold a tournament in the "
                "autumn with school teams from Ashgabat and Balkanabat, which would be the first of "
                "its kind on the coast.",
            ),
        ],
        "image": {
            "caption": "The Caspian seafront in Turkmenbashi on a match day",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a flat coastal plain and calm sea under a midday sun",
            "seed": 385,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-09",
        "slug": "karaganda-residents-elect-councils-for-heating-repairs",
        "topic": "society",
        "countries": ["KZ"],
        "tags": ["elections", "energy"],
        "authors": ["sergei-volkov"],
        "days_ago": 27,
        "hours": 12,
        "title": "Karaganda residents elect block councils to take charge of heating repairs",
        "standfirst": (
            "In dozens of Soviet-era apartment blocks in Karaganda, residents have voted for the "
            "first time for councils that will manage repair money, after a winter of burst pipes "
            "and cold radiators."
        ),
        "body": [
            (
                "p",
                "Turnout at the residents' meetings held over the weekend in Karaganda's Maikuduk and "
                "Yugo-Vostok districts reached 58 per cent, according to the city housing department, "
                "far above what officials had expected. Residents of 74 buildings chose councils of "
                "three to five members, who will decide how to spend the money collected for "
                "maintenance. Voting took place in stairwells, courtyards and, in one case, a school "
                "gym.",
            ),
            (
                "p",
                "The elections follow a hard winter. In January a main heating pipe failed in "
                "Maikuduk, leaving about 9,000 people with cold radiators for four days while "
                "temperatures fell to minus 32C. Many residents blamed management companies for years "
                "of delayed repairs and unclear accounts. “We paid every month and nobody could show "
                "us where the money went,” said Valentina Kim, a retired engineer elected to chair her "
                "block's council.",
            ),
            (
                "p",
                "Under the new rules, councils can hire and dismiss maintenance contractors, must post "
                "a spending report in the entrance hall every quarter, and can apply for city "
                "co-financing to replace roofs and pipes. The housing department says it has set "
                "aside funds to cover up to half the cost of approved heating projects this year.",
            ),
            ("h", "Candidates from the stairwell"),
            (
                "p",
                "Many of the new council members are pensioners with time to attend meetings, but "
                "several blocks elected younger residents who set up group chats to share meter "
                "readings and photos of leaks. Dauren Seitkali, 29, an IT technician, won his seat "
                "with a promise to post every invoice online. He received 41 of the 52 votes cast in "
                "his building.",
            ),
            (
                "p",
                "Sceptics point out that the councils will only be as strong as the money behind "
                "them, and that many blocks carry large debts from unpaid bills. The city plans to "
                "review the experiment before the next heating season begins in October and to decide "
                "whether to hold block elections across the whole of Karaganda.",
            ),
        ],
        "image": {
            "caption": "Soviet-era apartment blocks in Karaganda under winter snow",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a snowy steppe plain under a pale winter sky",
            "seed": 333,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Жители Караганды выбрали домовые советы, чтобы взять ремонт отопления в свои руки",
            "standfirst": (
                "В десятках советских многоэтажек Караганды жильцы впервые проголосовали за "
                "советы, которые будут распоряжаться деньгами на ремонт, — после зимы с "
                "прорванными трубами и холодными батареями."
            ),
            "body": [
                (
                    "p",
                    "Явка на собраниях жильцов, прошедших в выходные в карагандинских районах "
                    "Майкудук и Юго-Восток, достигла 58 процентов — намного больше, чем ожидали "
                    "чиновники, сообщили в городском жилищном управлении. Жильцы 74 домов выбрали "
                    "советы из трёх–пяти человек, которые будут решать, как тратить деньги, "
                    "собранные на обслуживание. Голосование проходило в подъездах, во дворах, а в "
                    "одном случае — в школьном спортзале.",
                ),
                (
                    "p",
                    "Эти выборы последовали за тяжёлой зимой. В январе в Майкудуке вышла из строя "
                    "магистральная теплотрасса, и около 9000 человек четыре дня сидели с холодными "
                    "батареями при морозе до минус 32 градусов. Многие жильцы винили управляющие "
                    "компании в многолетних задержках с ремонтом и непрозрачной отчётности. «Мы "
                    "платили каждый месяц, и никто не мог показать, куда уходят деньги», — говорит "
                    "Валентина Ким, инженер на пенсии, избранная председателем совета своего дома.",
                ),
                (
                    "p",
                    "По новым правилам советы могут нанимать и увольнять подрядчиков по "
                    "обслуживанию, обязаны ежеквартально вывешивать отчёт о расходах в подъезде и "
                    "могут подавать заявки на городское софинансирование замены кровли и труб. В "
                    "жилищном управлении говорят, что в этом году заложили средства, чтобы покрыть "
                    "до половины стоимости одобренных проектов по отоплению.",
                ),
                ("h", "Кандидаты из соседнего подъезда"),
                (
                    "p",
                    "Многие новые члены советов — пенсионеры, у которых есть время ходить на "
                    "собрания, но в нескольких домах выбрали молодых жильцов, которые создали "
                    "общие чаты, чтобы делиться показаниями счётчиков и фотографиями протечек. "
                    "29-летний IT-специалист Даурен Сейткали получил место в совете, пообещав "
                    "выкладывать в интернет каждый счёт. На выборах в его доме за него отдали 41 "
                    "голос из 52.",
                ),
                (
                    "p",
                    "Скептики отмечают, что советы будут сильны ровно настолько, насколько позволят "
                    "деньги, а у многих домов накопились большие долги по неоплаченным счетам. "
                    "Город намерен подвести итоги эксперимента до начала отопительного сезона в "
                    "октябре и решить, проводить ли выборы домовых советов по всей Караганде.",
                ),
            ],
            "image": {
                "caption": "Советские многоэтажки Караганды под зимним снегом",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация заснеженной степной равнины под бледным зимним небом",
            },
        },
    },
    {
        "key": "society-10",
        "slug": "spring-melt-ends-winter-power-limits-around-dushanbe",
        "topic": "society",
        "countries": ["TJ"],
        "tags": ["energy", "hydropower", "water"],
        "authors": ["zarina-karimova"],
        "days_ago": 33,
        "hours": 7,
        "title": "Spring melt ends winter power limits in villages around Dushanbe",
        "standfirst": (
            "After four months of scheduled blackouts, households in the districts around the "
            "capital are back on a full supply, as snowmelt raises water levels behind the dams on "
            "the Vakhsh river."
        ),
        "body": [
            (
                "p",
                "The national grid operator said on Monday that limits on household electricity in "
                "the districts surrounding Dushanbe would end from midnight. Since November, many "
                "villages in the Hisor and Rudaki districts had received power for about ten hours a "
                "day, split between mornings and evenings. In the mountain districts further east, "
                "the schedule had been even tighter.",
            ),
            (
                "p",
                "Tajikistan produces almost all of its electricity from hydropower, which makes supply "
                "follow the seasons. In winter, when rivers run low and demand for heating peaks, the "
                "reservoir behind the Nurek dam on the Vakhsh falls to its minimum level. Snowmelt "
                "from the Pamir and Alay mountains refills it in spring, and by summer the country "
                "usually has electricity to spare for export.",
            ),
            (
                "image",
                "Snowmelt feeding a river valley in the mountains above the Vakhsh",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "For families, the winter routine is exhausting. “We cook at six in the morning, "
                "charge the phones, and then we wait,” said Firuza Sharipova, a mother of three in a "
                "village in the Rudaki district. Her family heats one room with a coal stove and uses "
                "a small solar panel to light the children's homework in the evenings.",
            ),
            (
                "p",
                "Energy engineers say the long-term answer lies in new generating capacity and better "
                "insulated homes. A large dam under construction upstream on the Vakhsh is expected to "
                "ease winter shortages as more of its turbines come online. Meanwhile, a pilot "
                "programme in Hisor is helping 300 households insulate roofs and windows so that they "
                "need less electricity for heating.",
            ),
            (
                "p",
                "Officials warn that the relief may be temporary if the summer is dry. The operator "
                "has asked households not to run electric heaters on cool spring nights, so that the "
                "reservoirs keep rising before the irrigation season draws on the same water "
                "downstream.",
            ),
        ],
        "image": {
            "caption": "Reservoirs on the Vakhsh river refill as snow melts in the mountains",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of dark mountains and a reservoir under a night sky",
            "seed": 349,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": 30,
        "ru": {
            "title": "Таяние снега положило конец зимним отключениям света в сёлах вокруг Душанбе",
            "standfirst": (
                "После четырёх месяцев отключений по графику дома в районах вокруг столицы снова "
                "получают электричество в полном объёме: талые воды поднимают уровень "
                "водохранилищ на реке Вахш."
            ),
            "body": [
                (
                    "p",
                    "Национальный оператор энергосети объявил в понедельник, что ограничения подачи "
                    "электроэнергии населению в районах вокруг Душанбе отменяются с полуночи. С "
                    "ноября многие сёла Гиссарского и Рудакинского районов получали электричество "
                    "около десяти часов в сутки — утром и вечером. В горных районах к востоку график "
                    "был ещё жёстче.",
                ),
                (
                    "p",
                    "Таджикистан получает почти всё электричество от гидроэлектростанций, поэтому "
                    "снабжение зависит от времени года. Зимой, когда реки мелеют, а потребность в "
                    "отоплении достигает пика, уровень водохранилища Нурекской ГЭС на Вахше падает "
                    "до минимальной отметки. Весной его снова наполняют талые воды с Памира и Алая, "
                    "и к лету у страны обычно появляются излишки электроэнергии на экспорт.",
                ),
                (
                    "image",
                    "Талые воды питают речную долину в горах над Вахшем",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "Для семей зимний распорядок изматывает. «Мы готовим в шесть утра, заряжаем "
                    "телефоны, а потом ждём», — рассказывает Фируза Шарипова, мать троих детей из "
                    "села в Рудакинском районе. Её семья отапливает одну комнату угольной печкой, а "
                    "по вечерам дети делают уроки при свете от небольшой солнечной панели.",
                ),
                (
                    "p",
                    "Энергетики считают, что в долгосрочной перспективе решение — в новых "
                    "генерирующих мощностях и лучшем утеплении домов. Ожидается, что крупная "
                    "плотина, которая строится выше по течению Вахша, смягчит зимний дефицит по мере "
                    "ввода в строй новых турбин. Тем временем пилотная программа в Гиссаре помогает "
                    "300 семьям утеплить крыши и окна, чтобы тратить меньше электричества на обогрев.",
                ),
                (
                    "p",
                    "Чиновники предупреждают, что облегчение может оказаться временным, если лето "
                    "будет засушливым. Оператор попросил жителей не включать электрообогреватели "
                    "прохладными весенними ночами, чтобы водохранилища продолжали наполняться до "
                    "начала поливного сезона, когда ту же воду будут забирать ниже по течению.",
                ),
            ],
            "image": {
                "caption": "Водохранилища на Вахше наполняются по мере таяния снега в горах",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация тёмных гор и водохранилища под ночным небом",
            },
        },
    },
    {
        "key": "society-11",
        "slug": "bukhara-embroiderers-sell-suzani-online-through-a-startup",
        "topic": "society",
        "countries": ["UZ"],
        "tags": ["startups", "heritage", "tourism"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 40,
        "hours": 15,
        "title": "Bukhara embroiderers sell suzani online through a startup run from an old madrasa",
        "standfirst": (
            "A small company founded by three graduates has connected 120 home-based needlewomen in "
            "the Bukhara region with buyers abroad, working from a restored madrasa cell in the old "
            "city."
        ),
        "body": [
            (
                "p",
                "The company's office is a single vaulted room off a courtyard in Bukhara's old town, "
                "with a laptop, a ring light and a pile of embroidered cushion covers waiting to be "
                "photographed. From there its founders manage orders for suzani, the traditional "
                "silk-embroidered hangings, made by women in villages around Gijduvan and Vabkent. "
                "Last year they shipped just over 2,000 pieces, mostly to customers in Europe and "
                "South Korea.",
            ),
            (
                "p",
                "Before the platform, most embroiderers sold to middlemen who supplied souvenir stalls "
                "near the Lyabi-Hauz pool, often for a fraction of the final price. The startup pays "
                "each maker 60 per cent of the sale price and publishes the amount on the product "
                "page. “For the first time I know what my work is worth,” said Nilufar Ostonova, who "
                "has embroidered since she was twelve.",
            ),
            (
                "p",
                "The founders, who met while studying computer science in Tashkent, say their hardest "
                "problem was logistics rather than technology. Parcels from Bukhara once took weeks to "
                "reach buyers, and returns were almost impossible. They now send one consolidated "
                "shipment every Thursday, which has cut delivery times to Europe to about ten days.",
            ),
            (
                "p",
                "Growth has brought tensions. Some older craftswomen worry that buyers' taste for "
                "bright colours and small formats is changing patterns handed down for generations. "
                "The company has responded with a line of pieces based on museum archives, each sold "
                "with a card describing the original design and the village it came from.",
            ),
            (
                "p",
                "With visitor numbers in Bukhara back to pre-pandemic levels, the founders plan to "
                "open a small showroom where tourists can meet the embroiderers in person. They are "
                "also in talks with a regional business incubator about a loan to hire two more staff.",
            ),
        ],
        "image": {
            "caption": "Bukhara's old town, where the embroidery startup has its workshop",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a desert plain at dusk with soft layered hills",
            "seed": 391,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-12",
        "slug": "karakol-student-film-festival-tours-issyk-kul-villages",
        "topic": "society",
        "countries": ["KG"],
        "tags": ["film", "tourism", "mountains"],
        "authors": ["bakyt-toktogulov", "sergei-volkov"],
        "days_ago": 48,
        "hours": 20,
        "title": "Karakol student film festival takes mountain documentaries to Issyk-Kul villages",
        "standfirst": (
            "Young filmmakers from across Central Asia spent a week screening short documentaries "
            "in school halls, yurts and village clubs along the eastern and southern shores of "
            "Issyk-Kul."
        ),
        "body": [
            (
                "p",
                "The festival opened in a Karakol community hall with a programme of 34 short films "
                "by students from Kyrgyzstan, Kazakhstan, Uzbekistan and Tajikistan. Most were under "
                "fifteen minutes long, and many had been shot on phones. After the opening night, the "
                "organisers loaded a projector and a screen into a minibus and set off along the "
                "shore.",
            ),
            (
                "p",
                "Over the next six days the films were shown in villages including Jeti-Oguz, "
                "Barskoon and Tamga, to audiences ranging from a dozen herders in a yurt to nearly 300 "
                "schoolchildren in a sports hall. The programme focused on life in the mountains: "
                "shepherds moving flocks to summer pastures, a glacier monitoring team above the "
                "Chon-Kemin valley, a family running a guest house near Song-Kol.",
            ),
            (
                "quote",
                "People here have seen many films about the city. They wanted to see themselves.",
                "Kanykei Osmonalieva, festival director",
            ),
            (
                "p",
                "The prize for best film went to a 12-minute documentary by a student from Osh about "
                "her grandfather, one of the last beekeepers in his village to move his hives into "
                "the hills each summer. The jury, which included a veteran cameraman and two "
                "teachers, praised its patience and its sound. The winner receives a month-long "
                "editing residency in Bishkek.",
            ),
            (
                "p",
                "The festival also doubles as a tourism project. Guest houses around the lake offered "
                "discounted rooms to participants, and several screenings were followed by evening "
                "walks led by local trekking guides. About 40 of the students plan to return in the "
                "summer to shoot new films in the Karakol valley and the Terskey Ala-Too range.",
            ),
            (
                "p",
                "Funding remains fragile, with the budget drawn from ticket sales in Karakol, small "
                "grants and donations from former participants. The team hopes to add a second round "
                "of village screenings in the autumn, when the tourist season ends and evenings in "
                "the valleys grow long.",
            ),
        ],
        "image": {
            "caption": "An evening screening in a village on the shore of Issyk-Kul",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of mountains above a lake under a starry night sky",
            "seed": 308,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "society-13",
        "slug": "dashoguz-and-khorezm-farmers-brace-for-low-water-amu-darya",
        "topic": "society",
        "countries": ["TM", "UZ"],
        "tags": ["water", "aral sea", "climate", "cotton"],
        "authors": ["maral-annayeva", "dilnoza-rakhimova"],
        "days_ago": 3,
        "hours": 17,
        "title": "Downstream on the Amu Darya, Dashoguz and Khorezm farmers brace for a dry summer",
        "standfirst": (
            "Forecasts of a thin snowpack in the Pamir mean less water reaching the lower Amu "
            "Darya, where farmers on both sides of the Turkmen–Uzbek border share the same river "
            "and the same worries."
        ),
        "body": [
            (
                "p",
                "Hydrologists monitoring the mountains that feed the Amu Darya have warned that this "
                "year's snow cover is well below average, and that summer flows on the river's lower "
                "course could fall by a fifth. For the oases of Dashoguz in Turkmenistan and of "
                "Khorezm and Karakalpakstan in Uzbekistan, at the very end of the river, that "
                "forecast is alarming. They receive what is left after every upstream canal has "
                "taken its share.",
            ),
            (
                "p",
                "On both banks, farmers are already changing their plans. In villages near Dashoguz, "
                "some growers have cut the area under rice, which needs standing water, and replaced "
                "it with wheat and melons. Across the border, a farmers' association near Urgench says "
                "its members have agreed to sow late-maturing cotton on only part of their land. “The "
                "dry years taught us that hoping for rain is not a plan,” said Yusup Matyakubov, who "
                "farms 20 hectares near Khiva.",
            ),
            (
                "image",
                "Irrigation channels branching from the lower Amu Darya across a flat desert oasis",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "The two countries share the river's lower reaches under long-standing regional "
                "agreements that allocate water by season. Water officials from Dashoguz and Khorezm "
                "meet before each irrigation period to coordinate releases from the Tuyamuyun "
                "reservoir, which straddles the border. This year they have added weekly calls "
                "between canal managers, so that a sudden drop upstream does not catch either side "
                "unprepared.",
            ),
            (
                "p",
                "The consequences reach further north. Whatever flows into the Amu Darya delta below "
                "Nukus feeds the lakes and wetlands that slow the dust storms blowing off the dry Aral "
                "seabed. Ecologists in Karakalpakstan say a low-water year could shrink those "
                "wetlands sharply, hurting fishermen around Muynak and air quality in nearby towns.",
            ),
            (
                "p",
                "Specialists on both sides agree that the main reserve lies in wasted water. Unlined "
                "canals in the lower basin lose a large share of their flow to seepage and evaporation "
                "before it reaches the fields. Pilot projects that line canals with concrete and level "
                "fields with lasers have saved up to 30 per cent, but farmers say the cost is beyond "
                "most households without state support.",
            ),
        ],
        "image": {
            "caption": "The lower Amu Darya winds through desert oases near the Turkmen–Uzbek border",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a river winding across a pale desert plain",
            "seed": 377,
            "palette": "desert",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "В низовьях Амударьи фермеры Дашогуза и Хорезма готовятся к маловодному лету",
            "standfirst": (
                "Прогнозы скудного снежного покрова на Памире означают, что в низовья Амударьи "
                "дойдёт меньше воды. Там фермеры по обе стороны туркмено-узбекской границы делят "
                "одну реку — и одни и те же тревоги."
            ),
            "body": [
                (
                    "p",
                    "Гидрологи, наблюдающие за горами, которые питают Амударью, предупредили, что "
                    "снежный покров в этом году заметно ниже среднего и летний сток в низовьях реки "
                    "может сократиться на пятую часть. Для оазисов Дашогуза в Туркменистане, а также "
                    "Хорезма и Каракалпакстана в Узбекистане, расположенных в самом конце реки, "
                    "такой прогноз звучит тревожно. Им достаётся то, что остаётся после того, как "
                    "свою долю заберут все каналы выше по течению.",
                ),
                (
                    "p",
                    "Фермеры на обоих берегах уже меняют планы. В сёлах под Дашогузом часть "
                    "хозяйств сократила посевы риса, которому нужна стоячая вода, заменив его "
                    "пшеницей и дынями. По другую сторону границы фермерская ассоциация под "
                    "Ургенчем сообщает, что её члены договорились сеять позднеспелый хлопчатник "
                    "лишь на части своих земель. «Засушливые годы научили нас, что надежда на "
                    "дождь — это не план», — говорит Юсуп Матякубов, который обрабатывает 20 "
                    "гектаров под Хивой.",
                ),
                (
                    "image",
                    "Оросительные каналы расходятся от низовьев Амударьи по плоскому пустынному оазису",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "Две страны делят низовья реки в рамках давних региональных соглашений, "
                    "распределяющих воду по сезонам. Водники Дашогуза и Хорезма встречаются перед "
                    "каждым поливным периодом, чтобы согласовать сбросы из Туямуюнского "
                    "водохранилища, расположенного на границе. В этом году к встречам добавились "
                    "еженедельные созвоны начальников каналов, чтобы внезапное падение стока выше "
                    "по течению не застало ни одну из сторон врасплох.",
                ),
                (
                    "p",
                    "Последствия ощущаются и севернее. Вода, которая доходит до дельты Амударьи ниже "
                    "Нукуса, питает озёра и водно-болотные угодья, сдерживающие пыльные бури с "
                    "высохшего дна Арала. Экологи Каракалпакстана говорят, что в маловодный год эти "
                    "угодья могут резко сократиться, а это ударит по рыбакам вокруг Муйнака и по "
                    "качеству воздуха в соседних городах.",
                ),
                (
                    "p",
                    "Специалисты обеих стран сходятся в том, что главный резерв — в потерях воды. "
                    "Каналы без облицовки в низовьях бассейна теряют значительную часть стока на "
                    "фильтрацию и испарение, прежде чем вода доходит до полей. Пилотные проекты по "
                    "бетонированию каналов и лазерной планировке полей позволили сэкономить до 30 "
                    "процентов, но фермеры говорят, что без государственной поддержки большинству "
                    "хозяйств это не по карману.",
                ),
            ],
            "image": {
                "caption": "Низовья Амударьи петляют среди пустынных оазисов у туркмено-узбекской границы",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация реки, петляющей по светлой пустынной равнине",
            },
        },
    },
]
