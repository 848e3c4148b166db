"""Culture section articles for the demo newsroom "The Steppe Courier".

All of this is fictional demo content. The events, people, quotes and figures are invented for
demonstration purposes only; the places are real, but nothing here describes real news.
"""

ARTICLES: list[dict] = [
    {
        "key": "culture-01",
        "slug": "almaty-documentary-festival-opens-with-syr-darya-films",
        "topic": "culture",
        "countries": ["KZ"],
        "tags": ["film", "media"],
        "authors": ["aigerim-sadykova"],
        "days_ago": 0,
        "hours": 9,
        "title": "Almaty documentary festival opens with Syr Darya films by young directors",
        "standfirst": (
            "Forty-two films from five countries will screen over six evenings, and a third of them "
            "were made by directors under thirty."
        ),
        "body": [
            (
                "p",
                "The fourth edition of the Almaty Open Doc festival began on Thursday evening in a "
                "converted tram depot near the Green Bazaar, where organisers had laid out 600 folding "
                "chairs and still turned people away. The opening film, a 78-minute portrait of a ferry "
                "crossing on the Syr Darya near Kyzylorda, was shot over three winters by a crew of four.",
            ),
            (
                "p",
                "Festival director Saule Ermekova, a former television editor, said the programme had "
                "grown from 19 titles in its first year to 42 this time, drawn from Kazakhstan, "
                "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan. Fourteen of the films were made by "
                "directors under thirty, many of them on borrowed cameras and with budgets below "
                "2 million tenge.",
            ),
            (
                "quote",
                "We are not looking for polished films. We are looking for people who stayed long "
                "enough in one place to understand it.",
                "Saule Ermekova, festival director",
            ),
            ("h", "Rivers, railways and the people in between"),
            (
                "p",
                "Several of the selected documentaries follow water. One Karakalpak entry traces a "
                "fisherman's family from the old harbour at Moynaq to jobs in Nukus, while a Tajik short "
                "records the spring flood season in a village below the Nurek reservoir. Another film "
                "rides the night train from Astana to Turkestan in a single continuous take.",
            ),
            (
                "p",
                "The jury this year is chaired by Kyrgyz cinematographer Temir Asanaliev, who shot most "
                "of his early work around Naryn. Prizes include a post-production grant worth 5 million "
                "tenge and a week of sound mixing at a studio in Astana, which previous winners say "
                "mattered more than the cash.",
            ),
            (
                "p",
                "Screenings continue until Tuesday, with a free outdoor programme on the steps of the "
                "Republic Palace on Saturday and Sunday nights. Tickets for the indoor sessions cost "
                "1,500 tenge, and students with a valid card get in free before 6 pm.",
            ),
        ],
        "image": {
            "caption": "Audiences gather outside the former tram depot on the festival's opening night.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of the Almaty foothills at dusk with city lights below",
            "seed": 401,
            "palette": "dusk",
        },
        "featured": True,
        "updated_days_ago": None,
        "ru": {
            "title": "Документальный фестиваль в Алматы открылся фильмами молодых режиссёров о Сырдарье",
            "standfirst": (
                "Сорок два фильма из пяти стран покажут за шесть вечеров, и треть из них сняли "
                "режиссёры моложе тридцати лет."
            ),
            "body": [
                (
                    "p",
                    "Четвёртый фестиваль Almaty Open Doc открылся в четверг вечером в бывшем трамвайном "
                    "депо рядом с Зелёным базаром: организаторы расставили 600 складных стульев, но всё "
                    "равно не смогли вместить всех желающих. Фильм открытия — 78-минутный портрет "
                    "паромной переправы через Сырдарью под Кызылордой — съёмочная группа из четырёх "
                    "человек снимала три зимы.",
                ),
                (
                    "p",
                    "Директор фестиваля Сауле Ермекова, в прошлом телевизионный редактор, рассказала, что "
                    "программа выросла с 19 картин в первый год до 42 в этот раз; фильмы прислали из "
                    "Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана. Четырнадцать из "
                    "них сняли режиссёры моложе тридцати лет — многие на одолженные камеры и с бюджетом "
                    "меньше 2 миллионов тенге.",
                ),
                (
                    "quote",
                    "Мы не ищем отполированное кино. Мы ищем людей, которые достаточно долго оставались "
                    "на одном месте, чтобы его понять.",
                    "Сауле Ермекова, директор фестиваля",
                ),
                ("h", "Реки, железные дороги и люди между ними"),
                (
                    "p",
                    "Многие отобранные документальные фильмы следуют за водой. Каракалпакская картина "
                    "прослеживает путь семьи рыбака из старой гавани Муйнака до работы в Нукусе, а "
                    "таджикская короткометражка фиксирует весенний паводок в селе ниже Нурекского "
                    "водохранилища. Ещё один фильм снят одним непрерывным кадром в ночном поезде из "
                    "Астаны в Туркестан.",
                ),
                (
                    "p",
                    "Жюри в этом году возглавляет кыргызский оператор Темир Асаналиев, снявший большую "
                    "часть своих ранних работ в окрестностях Нарына. Среди призов — грант на "
                    "постпродакшн в размере 5 миллионов тенге и неделя сведения звука на студии в "
                    "Астане; прежние победители говорят, что это оказалось важнее денег.",
                ),
                (
                    "p",
                    "Показы продлятся до вторника, а в субботу и воскресенье вечером на ступенях Дворца "
                    "Республики пройдёт бесплатная программа под открытым небом. Билеты на сеансы в зале "
                    "стоят 1500 тенге, студенты с действующим студенческим билетом проходят бесплатно "
                    "до 18:00.",
                ),
            ],
            "image": {
                "caption": "Зрители собираются у бывшего трамвайного депо в первый вечер фестиваля.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация предгорий Алматы в сумерках с огнями города внизу",
            },
        },
    },
    {
        "key": "culture-02",
        "slug": "samarkand-tile-workshop-trains-new-majolica-restorers",
        "topic": "culture",
        "countries": ["UZ"],
        "tags": ["heritage", "tourism", "education"],
        "authors": ["dilnoza-rakhimova"],
        "days_ago": 1,
        "hours": 14,
        "title": "Samarkand tile workshop trains a new generation of majolica restorers",
        "standfirst": (
            "Twenty apprentices are learning to mix glazes the old way, as restoration work on the "
            "city's madrasas outpaces the number of skilled hands."
        ),
        "body": [
            (
                "p",
                "In a courtyard workshop two streets from the Registan, twenty apprentices spend their "
                "mornings grinding cobalt and copper oxides with stone pestles. The programme, run by "
                "master ceramicist Rustam Khaydarov since last autumn, is the first in Samarkand to offer "
                "a paid two-year apprenticeship in glazed tilework.",
            ),
            (
                "p",
                "Khaydarov says demand has grown faster than the supply of craftsmen. Restoration "
                "contracts on the Shah-i-Zinda necropolis and two smaller madrasas in the old city "
                "require roughly 30,000 replacement tiles over the next five years, and only a handful "
                "of workshops can match the original turquoise.",
            ),
            (
                "image",
                "Apprentices lay out test tiles to dry in the workshop courtyard.",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "Each apprentice receives a monthly stipend of 1.8 million soums, funded jointly by the "
                "regional heritage office and a crafts foundation. Half of this year's group are women; "
                "three came from Bukhara and one from Nukus, where similar workshops closed in the 1990s.",
            ),
            (
                "p",
                '"The first six months you only mix and fire," said 19-year-old apprentice Madina '
                'Yusupova, holding up a cracked test tile. "Nobody lets you touch a wall until your '
                'colour comes out the same in three firings in a row."',
            ),
            (
                "p",
                "Tour operators have started asking whether visitors can watch the work. Khaydarov has "
                "agreed to open the courtyard on Friday afternoons from next month, with a small fee "
                "going back into materials.",
            ),
        ],
        "image": {
            "caption": "Samarkand's domes at midday, in a stylised view.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of turquoise domes against a desert horizon at noon",
            "seed": 402,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Мастерская в Самарканде готовит новое поколение реставраторов майолики",
            "standfirst": (
                "Двадцать учеников учатся смешивать глазури по старинным рецептам: реставрация "
                "городских медресе идёт быстрее, чем появляются умелые руки."
            ),
            "body": [
                (
                    "p",
                    "Во дворе мастерской в двух улицах от Регистана двадцать учеников проводят утро, "
                    "растирая каменными пестиками оксиды кобальта и меди. Программа, которую с прошлой "
                    "осени ведёт мастер-керамист Рустам Хайдаров, стала первой в Самарканде, где "
                    "предлагают оплачиваемое двухлетнее обучение работе с глазурованной плиткой.",
                ),
                (
                    "p",
                    "По словам Хайдарова, спрос растёт быстрее, чем число мастеров. Для реставрации "
                    "некрополя Шахи-Зинда и двух небольших медресе в старом городе в ближайшие пять лет "
                    "потребуется около 30 000 новых плиток, а повторить исходный бирюзовый цвет способны "
                    "лишь несколько мастерских.",
                ),
                (
                    "image",
                    "Ученики раскладывают пробные плитки для просушки во дворе мастерской.",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "Каждый ученик получает ежемесячную стипендию в 1,8 миллиона сумов, которую совместно "
                    "финансируют региональное управление по охране наследия и фонд ремёсел. Половина "
                    "группы в этом году — женщины; трое приехали из Бухары и один из Нукуса, где похожие "
                    "мастерские закрылись в 1990-х годах.",
                ),
                (
                    "p",
                    "«Первые полгода ты только смешиваешь и обжигаешь, — говорит 19-летняя ученица "
                    "Мадина Юсупова, показывая треснувшую пробную плитку. — Никто не подпустит тебя к "
                    "стене, пока твой цвет не получится одинаковым в трёх обжигах подряд».",
                ),
                (
                    "p",
                    "Туроператоры уже спрашивают, можно ли туристам посмотреть на работу. Хайдаров "
                    "согласился со следующего месяца открывать двор по пятницам после обеда; небольшая "
                    "плата за вход пойдёт на материалы.",
                ),
            ],
            "image": {
                "caption": "Купола Самарканда в полдень, стилизованный вид.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация бирюзовых куполов на фоне пустынного горизонта в полдень",
            },
        },
    },
    {
        "key": "culture-03",
        "slug": "naryn-komuz-makers-struggle-to-find-apricot-wood",
        "topic": "culture",
        "countries": ["KG"],
        "tags": ["music", "mountains", "heritage"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 3,
        "hours": 11,
        "title": "In Naryn, komuz makers struggle to find apricot wood as old orchards disappear",
        "standfirst": (
            "The three-stringed lute is more popular than ever in Kyrgyz schools, but the craftsmen "
            "who build it say good timber is running out."
        ),
        "body": [
            (
                "p",
                "Kubanych Japarov has been carving komuzes in a garage workshop on the edge of Naryn for "
                "twenty-six years. This winter he has orders for 140 instruments, most of them from "
                "schools and music clubs in Bishkek and Osh, but he has enough seasoned apricot wood for "
                "barely half of them.",
            ),
            (
                "p",
                "Apricot is prized for the instrument's body because it is dense, resonant and easy to "
                "carve thin. Much of the wood used to come from old orchards in Batken region and the "
                "southern Fergana Valley, where many trees have been cut for housing or replaced with "
                "faster-growing varieties that make poor timber.",
            ),
            ("h", "Trying juniper and walnut"),
            (
                "p",
                "Some younger makers have turned to walnut from the forests around Arslanbob, or to "
                "juniper collected from fallen trees in the high valleys. Japarov tested a juniper komuz "
                "at a concert in Naryn's drama theatre last month and says the sound was brighter but "
                'thinner. "Good for a beginner, not for a master," he said.',
            ),
            (
                "p",
                "Music teachers say the instrument's revival has been driven partly by social media, "
                "where young players post covers of folk tunes and pop songs. A basic school komuz now "
                "sells for around 6,000 soms, while a concert instrument from a known maker can cost "
                "five times that.",
            ),
            (
                "p",
                "A group of craftsmen from Naryn and Karakol plans to ask the regional forestry service "
                "for land to plant a dedicated apricot orchard for instrument making. Japarov admits the "
                'first usable timber would come long after his retirement. "It is for the next ones," '
                "he said.",
            ),
        ],
        "image": {
            "caption": "Winter light over the hills above Naryn.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of snow-covered hills and a river valley under a pale sky",
            "seed": 403,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-04",
        "slug": "khorog-students-record-oral-histories-of-pamiri-houses",
        "topic": "culture",
        "countries": ["TJ"],
        "tags": ["heritage", "mountains", "education"],
        "authors": ["farrukh-nazarov", "zarina-karimova"],
        "days_ago": 6,
        "hours": 8,
        "title": "Khorog students record oral histories of Pamiri houses before the elders are gone",
        "standfirst": (
            "A university project in the Pamir is mapping the symbolism of the traditional chid, room "
            "by room and beam by beam, through interviews with village elders."
        ),
        "body": [
            (
                "p",
                "Every weekend since September, a team of eleven students from Khorog has driven up the "
                "Shakhdara and Ghunt valleys with voice recorders and measuring tapes. Their goal is to "
                "document at least 60 traditional Pamiri houses, known locally as chid, and to "
                "interview the oldest person living in each one.",
            ),
            (
                "p",
                "The houses are built around five wooden pillars and a square skylight, each element "
                "carrying a meaning passed down orally. Project supervisor Gulnora Shodmonova, a "
                "lecturer in regional history, says many younger families no longer know which pillar "
                "is associated with which figure, or why the skylight is built in four stepped squares.",
            ),
            (
                "quote",
                "When an old man explains why his grandfather placed a beam a certain way, that is a "
                "library. We are trying to copy it before it closes.",
                "Gulnora Shodmonova, project supervisor",
            ),
            (
                "p",
                "So far the team has recorded 38 houses and more than 90 hours of interviews in Shughni, "
                "Rushani and Wakhi. Students transcribe the recordings in the evenings and translate "
                "them into Tajik and English, and a local carpenter checks the technical terms.",
            ),
            (
                "p",
                "Some of the houses are at risk. Several families in the lower valleys have replaced clay "
                "roofs with corrugated metal, and two of the chids visited in autumn were damaged by "
                "mudflows after heavy rain. The students photograph every beam, so that future "
                "restorers have a reference.",
            ),
            (
                "p",
                "The project plans to publish an illustrated guide in spring and to hand the audio "
                "archive over to the regional museum in Khorog. Shodmonova hopes to extend the work to "
                "the Bartang valley next summer, if the road stays open.",
            ),
        ],
        "image": {
            "caption": "Morning light over a valley in the western Pamir.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of high Pamir ridges at dawn above a narrow valley",
            "seed": 404,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Студенты в Хороге записывают устные истории памирских домов, пока живы старейшины",
            "standfirst": (
                "Университетский проект на Памире описывает символику традиционного дома-чида — "
                "комнату за комнатой и балку за балкой — по рассказам сельских старейшин."
            ),
            "body": [
                (
                    "p",
                    "С сентября каждые выходные команда из одиннадцати студентов из Хорога отправляется "
                    "в долины Шахдары и Гунта с диктофонами и рулетками. Их цель — описать не менее 60 "
                    "традиционных памирских домов, которые здесь называют чид, и записать интервью с "
                    "самым пожилым жителем каждого из них.",
                ),
                (
                    "p",
                    "Такие дома строятся вокруг пяти деревянных столбов и квадратного светового проёма в "
                    "крыше, и у каждого элемента есть значение, которое передаётся из уст в уста. "
                    "Руководитель проекта Гулнора Шодмонова, преподаватель региональной истории, "
                    "говорит, что многие молодые семьи уже не знают, с каким образом связан каждый "
                    "столб и почему световой проём выкладывают четырьмя ступенчатыми квадратами.",
                ),
                (
                    "quote",
                    "Когда старик объясняет, почему его дед положил балку именно так, — это библиотека. "
                    "Мы пытаемся её скопировать, пока она не закрылась.",
                    "Гулнора Шодмонова, руководитель проекта",
                ),
                (
                    "p",
                    "На сегодня команда описала 38 домов и записала более 90 часов интервью на "
                    "шугнанском, рушанском и ваханском языках. По вечерам студенты расшифровывают "
                    "записи и переводят их на таджикский и английский, а местный плотник проверяет "
                    "технические термины.",
                ),
                (
                    "p",
                    "Некоторым домам грозит опасность. Несколько семей в нижних частях долин заменили "
                    "глиняные крыши профнастилом, а два чида, которые студенты посетили осенью, "
                    "пострадали от селей после сильных дождей. Студенты фотографируют каждую балку, "
                    "чтобы у будущих реставраторов был образец.",
                ),
                (
                    "p",
                    "Весной участники проекта планируют выпустить иллюстрированный путеводитель и "
                    "передать аудиоархив региональному музею в Хороге. Шодмонова надеется следующим "
                    "летом продолжить работу в Бартангской долине, если дорога будет открыта.",
                ),
            ],
            "image": {
                "caption": "Утренний свет над долиной Западного Памира.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация высоких памирских хребтов на рассвете над узкой долиной",
            },
        },
    },
    {
        "key": "culture-05",
        "slug": "mary-weavers-revive-vegetable-dyes-for-carpets",
        "topic": "culture",
        "countries": ["TM"],
        "tags": ["heritage", "trade"],
        "authors": ["maral-annayeva"],
        "days_ago": 9,
        "hours": 16,
        "title": "Mary weavers revive vegetable dyes for carpets bound for the spring fair in Ashgabat",
        "standfirst": (
            "A cooperative of forty women in Mary province has gone back to madder root, pomegranate "
            "rind and walnut husk to win buyers who want traditional colour."
        ),
        "body": [
            (
                "p",
                "In a row of single-storey houses on the outskirts of Mary, the cooperative's looms run "
                "from early morning until the evening meal. Since last spring the forty weavers have "
                "abandoned synthetic dyes for most of their work, colouring wool with madder root, "
                "pomegranate rind and walnut husk boiled in large copper vats.",
            ),
            (
                "p",
                "Cooperative head Ogulgerek Nurmuradova says the change was driven by buyers. Visitors "
                "at last year's carpet fair in Ashgabat kept asking which pieces were naturally dyed, "
                "and the few that were sold first, some for twice the price of comparable carpets.",
            ),
            (
                "p",
                "The process is slow. A deep madder red takes three dye baths over two days, and the "
                'colour depends on the water, the season and the age of the root. "My grandmother '
                'could tell by smell when the bath was ready," said weaver Jeren Annamuhammedova, 52. '
                '"We use a thermometer and a notebook."',
            ),
            (
                "p",
                "The cooperative has prepared 26 carpets for this spring's fair, including six large "
                "pieces in the traditional Tekke gul pattern, each of which took four women about five "
                "months to finish. Nurmuradova hopes to sign at least two export contracts, most likely "
                "with dealers from Turkey and the Gulf.",
            ),
            (
                "p",
                "Young women from nearby villages have started asking to join. The cooperative now runs "
                "a short evening class on knotting and dyeing, and says it could double its membership "
                "if it found space for more looms.",
            ),
        ],
        "image": {
            "caption": "The Murghab oasis near Mary in the afternoon heat.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of sand dunes and a green oasis line under a hazy sky",
            "seed": 405,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-06",
        "slug": "nukus-and-aralsk-photographers-stage-aral-sea-exhibition",
        "topic": "culture",
        "countries": ["UZ", "KZ"],
        "tags": ["aral sea", "water", "climate", "heritage"],
        "authors": ["zarina-karimova", "aigerim-sadykova"],
        "days_ago": 12,
        "hours": 10,
        "title": "Photographers from Nukus and Aralsk stage a joint exhibition on the shrinking Aral Sea",
        "standfirst": (
            "The show brings together forty years of images from both shores of the former sea and "
            "will travel from Nukus to Aralsk and then to Almaty."
        ),
        "body": [
            (
                "p",
                "The exhibition opened this week in a hall of the Karakalpak state museum in Nukus, with "
                "120 photographs hung along a corridor in order of year rather than author. The "
                "earliest, taken in 1984, shows fishing boats still moored at Moynaq; the latest, from "
                "last summer, shows a dust storm crossing the dry seabed towards the town.",
            ),
            (
                "p",
                "It is the first joint project between photographers from the Uzbek and Kazakh sides of "
                "the Aral. Curator Aziz Tleubergenov, who grew up in Moynaq, spent two years collecting "
                "negatives from family albums, newspaper archives and the private collections of "
                "retired fishermen on both shores.",
            ),
            (
                "image",
                "A stylised view of the dry seabed near Moynaq, after a photograph in the exhibition.",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "The Kazakh half of the show tells a different story. Photographs from Aralsk document "
                "the Kokaral dam on the northern Small Aral, completed in 2005, and the gradual return "
                "of water and fish to parts of the northern basin. Several images show fishermen "
                "unloading pike-perch at the Aralsk harbour, which stood dry for more than a decade.",
            ),
            (
                "p",
                '"People in Nukus know the southern story too well, and they rarely see the northern '
                'one," said Kazakh photographer Marat Zhanuzakov, who contributed 35 images. "We wanted '
                'both shores on the same wall, so visitors ask themselves why they look so different."',
            ),
            (
                "p",
                "The exhibition will stay in Nukus until the end of next month before moving to the "
                "regional culture centre in Aralsk and then, in autumn, to a gallery in Almaty. "
                "Organisers are also preparing a bilingual catalogue in Karakalpak and Kazakh, with "
                "captions in Russian and English.",
            ),
        ],
        "image": {
            "caption": "The former shoreline of the Aral Sea, as imagined for the exhibition poster.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a flat desert seabed under a pale sky with distant water",
            "seed": 406,
            "palette": "desert",
        },
        "featured": True,
        "updated_days_ago": 10,
        "ru": {
            "title": "Фотографы из Нукуса и Аральска открыли общую выставку об отступающем Арале",
            "standfirst": (
                "Выставка объединяет снимки за сорок лет с обоих берегов бывшего моря; из Нукуса она "
                "отправится в Аральск, а затем в Алматы."
            ),
            "body": [
                (
                    "p",
                    "Выставка открылась на этой неделе в зале Каракалпакского государственного музея в "
                    "Нукусе: 120 фотографий развешаны вдоль коридора по годам, а не по авторам. Самый "
                    "ранний снимок, сделанный в 1984 году, показывает рыболовецкие лодки, ещё стоящие у "
                    "причала в Муйнаке; самый поздний, прошлогодний, — пыльную бурю, которая идёт по "
                    "высохшему дну к городу.",
                ),
                (
                    "p",
                    "Это первый совместный проект фотографов с узбекской и казахстанской сторон Арала. "
                    "Куратор Азиз Тлеубергенов, выросший в Муйнаке, два года собирал негативы из "
                    "семейных альбомов, газетных архивов и частных коллекций рыбаков-пенсионеров на "
                    "обоих берегах.",
                ),
                (
                    "image",
                    "Стилизованный вид высохшего морского дна у Муйнака по мотивам снимка с выставки.",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "Казахстанская половина выставки рассказывает другую историю. Снимки из Аральска "
                    "документируют Кокаральскую плотину на северном Малом Арале, достроенную в 2005 "
                    "году, и постепенное возвращение воды и рыбы в часть северного бассейна. На "
                    "нескольких кадрах рыбаки выгружают судака в аральской гавани, которая больше "
                    "десяти лет стояла сухой.",
                ),
                (
                    "p",
                    "«В Нукусе слишком хорошо знают южную историю и редко видят северную, — говорит "
                    "казахстанский фотограф Марат Жанузаков, представивший 35 снимков. — Мы хотели, "
                    "чтобы оба берега оказались на одной стене и зрители спросили себя, почему они так "
                    "непохожи».",
                ),
                (
                    "p",
                    "Выставка пробудет в Нукусе до конца следующего месяца, затем переедет в областной "
                    "центр культуры в Аральске, а осенью — в одну из галерей Алматы. Организаторы также "
                    "готовят двуязычный каталог на каракалпакском и казахском языках с подписями на "
                    "русском и английском.",
                ),
            ],
            "image": {
                "caption": "Бывшая береговая линия Аральского моря в образе с афиши выставки.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": (
                    "Стилизованная иллюстрация плоского пустынного дна под бледным небом "
                    "с далёкой полосой воды"
                ),
            },
        },
    },
    {
        "key": "culture-07",
        "slug": "faster-trains-to-bukhara-draw-weekend-visitors",
        "topic": "culture",
        "countries": ["UZ"],
        "tags": ["railways", "tourism", "heritage"],
        "authors": ["farrukh-nazarov"],
        "days_ago": 15,
        "hours": 13,
        "title": "Faster trains to Bukhara draw weekend visitors to the old city's craft quarter",
        "standfirst": (
            "Since the high-speed service from Tashkent was extended, coppersmiths and miniature "
            "painters in Bukhara say Saturday has become their busiest day."
        ),
        "body": [
            (
                "p",
                "The high-speed rail link from Tashkent through Samarkand now reaches Bukhara in under "
                "four hours, and artisans in the old city say the change is visible in their footfall. "
                "At the domed trading arcades near the Lyabi-Hauz pond, shopkeepers estimate that "
                "weekend visitor numbers have roughly doubled since the autumn timetable change.",
            ),
            (
                "p",
                "Coppersmith Shavkat Ergashev, whose family has worked in the same stall for four "
                "generations, says most of the new visitors are domestic tourists from Tashkent rather "
                'than foreigners. "They come on Friday night, stay one night in a guesthouse and leave '
                'on Sunday afternoon," he said. "They buy smaller pieces, but they buy."',
            ),
            (
                "p",
                "Guesthouse owners report weekend occupancy above 80 percent through the winter, a "
                "season that used to be almost empty. The city's tourism office says it has registered "
                "45 new family guesthouses since January, many of them in restored courtyard homes.",
            ),
            ("h", "Pressure on old buildings"),
            (
                "p",
                "Not everyone is pleased. Conservation architects warn that hasty conversions of old "
                "houses can damage adobe walls and painted wooden ceilings when new plumbing and air "
                "conditioning are installed carelessly. The regional heritage office has begun "
                "inspecting renovations inside the protected zone and has issued eleven stop orders "
                "so far this year.",
            ),
            (
                "p",
                "Railway officials say they plan to add a second daily high-speed train on Fridays and "
                "Sundays from next season. Artisans hope the extra capacity will bring more visitors to "
                "workshops in the side streets, away from the crowded main square.",
            ),
        ],
        "image": {
            "caption": "A railway line crossing the plain towards Bukhara.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a railway line across a flat plain under a bright noon sky",
            "seed": 407,
            "palette": "noon",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-08",
        "slug": "osh-and-khujand-film-follows-families-of-migrant-workers",
        "topic": "culture",
        "countries": ["KG", "TJ"],
        "tags": ["film", "migration", "remittances"],
        "authors": ["bakyt-toktogulov", "farrukh-nazarov"],
        "days_ago": 19,
        "hours": 18,
        "title": "Film from Osh and Khujand follows families waiting for remittances from abroad",
        "standfirst": (
            "Shot on both sides of the Fergana Valley with non-professional actors, the feature tells "
            "the story of two households that live on money sent home from Russia."
        ),
        "body": [
            (
                "p",
                "A low-budget feature filmed in Osh and Khujand premiered this week to a full house at "
                'a small cinema in Bishkek. The film, titled "The Transfer" for its English release, '
                "follows two families, one Kyrgyz and one Tajik, through a single year in which the "
                "fathers work on building sites abroad and send money home every month.",
            ),
            (
                "p",
                "Director Nurbek Alymkulov, who grew up in Osh, co-wrote the script with Khujand "
                "playwright Firuza Sattorova after the two met at a screenwriting workshop in Dushanbe. "
                "Almost all the roles are played by non-professional actors, including several women "
                "whose husbands are working abroad.",
            ),
            (
                "quote",
                "Every family in our street knows the day of the month when the money arrives. I wanted "
                "to film the waiting, not the money.",
                "Nurbek Alymkulov, director",
            ),
            (
                "p",
                "The film was made for about 90,000 dollars, raised from a regional co-production fund, "
                "private donations and a crowdfunding campaign that drew contributions from migrant "
                "workers themselves. Shooting took 34 days, split between the Osh bazaar, a village near "
                "Uzgen and apartment blocks on the outskirts of Khujand.",
            ),
            (
                "p",
                "Viewers at the Bishkek screening said the small details rang true: the queues at money "
                "transfer kiosks, video calls cut short by a weak signal, and the arguments over whether "
                "to spend the money on a new roof or a wedding. Several stayed after the credits to "
                "share their own stories with the cast.",
            ),
            (
                "p",
                "The producers plan screenings in Osh and Khujand next month, followed by a tour of "
                "district towns in the Fergana Valley with a portable projector. They are also in talks "
                "with a streaming platform and hope to add subtitles in Russian, Uzbek and English.",
            ),
        ],
        "image": {
            "caption": "Evening over the Fergana Valley, where the film was shot.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of low hills and rows of poplars at night under a wide sky",
            "seed": 408,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": 17,
        "ru": {
            "title": "Фильм из Оша и Худжанда — о семьях, которые ждут денежных переводов из-за границы",
            "standfirst": (
                "Картина, снятая по обе стороны Ферганской долины с непрофессиональными актёрами, "
                "рассказывает о двух семьях, живущих на деньги, присланные из России."
            ),
            "body": [
                (
                    "p",
                    "Малобюджетный игровой фильм, снятый в Оше и Худжанде, на этой неделе впервые "
                    "показали при полном зале в небольшом кинотеатре Бишкека. Картина, которая в "
                    "английском прокате называется «The Transfer», прослеживает один год из жизни двух "
                    "семей — кыргызской и таджикской, — чьи отцы работают на стройках за границей и "
                    "каждый месяц отправляют деньги домой.",
                ),
                (
                    "p",
                    "Режиссёр Нурбек Алымкулов, выросший в Оше, написал сценарий вместе с худжандским "
                    "драматургом Фирузой Сатторовой: они познакомились на сценарной мастерской в "
                    "Душанбе. Почти все роли исполняют непрофессиональные актёры, в том числе несколько "
                    "женщин, чьи мужья работают за рубежом.",
                ),
                (
                    "quote",
                    "Каждая семья на нашей улице знает, в какой день месяца приходят деньги. Я хотел "
                    "снять ожидание, а не деньги.",
                    "Нурбек Алымкулов, режиссёр",
                ),
                (
                    "p",
                    "Фильм сняли примерно за 90 000 долларов, собранных из регионального фонда "
                    "копродукции, частных пожертвований и краудфандинговой кампании, в которой "
                    "участвовали и сами трудовые мигранты. Съёмки заняли 34 дня и прошли на Ошском "
                    "базаре, в селе под Узгеном и в многоэтажках на окраине Худжанда.",
                ),
                (
                    "p",
                    "Зрители бишкекского показа говорили, что мелкие детали выглядят правдиво: очереди у "
                    "киосков денежных переводов, видеозвонки, которые обрываются из-за слабого сигнала, "
                    "и споры о том, потратить ли деньги на новую крышу или на свадьбу. Несколько человек "
                    "остались после титров, чтобы рассказать актёрам собственные истории.",
                ),
                (
                    "p",
                    "В следующем месяце продюсеры планируют показы в Оше и Худжанде, а затем тур по "
                    "районным городам Ферганской долины с передвижным проектором. Они также ведут "
                    "переговоры со стриминговой платформой и надеются добавить субтитры на русском, "
                    "узбекском и английском языках.",
                ),
            ],
            "image": {
                "caption": "Вечер над Ферганской долиной, где снимали фильм.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация низких холмов и рядов тополей ночью под широким небом",
            },
        },
    },
    {
        "key": "culture-09",
        "slug": "dutar-players-gather-in-turkmenbashi-for-bakhshi-festival",
        "topic": "culture",
        "countries": ["TM"],
        "tags": ["music", "tourism", "heritage"],
        "authors": ["maral-annayeva"],
        "days_ago": 23,
        "hours": 19,
        "title": "Dutar players gather in Turkmenbashi for a seaside festival of bakhshi music",
        "standfirst": (
            "More than sixty musicians from all five provinces performed on an open-air stage near the "
            "Caspian shore over three days."
        ),
        "body": [
            (
                "p",
                "The festival of bakhshi music, held in Turkmenbashi for the third year, brought "
                "together 64 performers on a wooden stage built beside the Caspian promenade. The "
                "bakhshi, singer-storytellers who accompany themselves on the two-stringed dutar, "
                "performed epic songs that can last more than an hour.",
            ),
            (
                "p",
                "Organisers say the festival has become a meeting place between generations. The oldest "
                "participant, 81-year-old Orazgeldi Hojamuradov from Dashoguz, performed alongside his "
                "great-grandson, a 12-year-old pupil at a music school in Ashgabat.",
            ),
            (
                "image",
                "The open-air stage near the Caspian shore at sunset.",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "Each province sent its own ensemble, and audiences could hear the differences between "
                "regional styles. Players from Dashoguz and the north favoured faster rhythms, while "
                "those from Mary and Lebap performed slower, more ornamented versions of the same songs.",
            ),
            (
                "p",
                "Hotels along the seafront reported strong bookings for the festival weekend, which "
                'coincided with the start of the holiday season on the coast. "Most of our guests came '
                'for the music and stayed for the sea," said Aynabat Gurbanova, who runs a small '
                "guesthouse near the port.",
            ),
            (
                "p",
                "A dutar maker from Mary ran workshops every morning, showing how the instrument's "
                "mulberry neck and body are shaped by hand. Organisers plan to record the best "
                "performances and release them as an archive for music schools.",
            ),
        ],
        "image": {
            "caption": "The Caspian coast near Turkmenbashi at the end of the day.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of low desert cliffs above a calm sea at dusk",
            "seed": 409,
            "palette": "dusk",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-10",
        "slug": "karaganda-miners-archive-goes-online",
        "topic": "culture",
        "countries": ["KZ"],
        "tags": ["heritage", "education", "media"],
        "authors": ["sergei-volkov"],
        "days_ago": 28,
        "hours": 12,
        "title": "Karaganda miners' archive goes online with letters, photographs and shift logs",
        "standfirst": (
            "Volunteers have digitised more than 18,000 documents from the city's coal-mining past, "
            "many of them donated by miners' families."
        ),
        "body": [
            (
                "p",
                "A volunteer-run archive of Karaganda's mining history launched its website this week, "
                "offering free access to more than 18,000 scanned documents. The collection includes "
                "shift logs from the 1950s, union newsletters, safety posters and hundreds of private "
                "letters written by miners to relatives across the former Soviet Union.",
            ),
            (
                "p",
                "The project began five years ago in the reading room of a district library, when "
                "librarian Lyudmila Beketova noticed that families were bringing in boxes of papers "
                'after funerals. "People did not know what to do with their grandfather\'s documents," '
                'she said. "They did not want to throw them away, but nobody had room for them."',
            ),
            (
                "p",
                "About thirty volunteers, many of them retired engineers and schoolteachers, have spent "
                "their weekends scanning and describing the documents. Students from a local university "
                "wrote the search software, which lets users filter by mine, year and surname.",
            ),
            ("h", "A resource for schools"),
            (
                "p",
                "History teachers in Karaganda and Temirtau have already started using the archive in "
                "lessons. Pupils are asked to find a document connected to their own street or family "
                "and write a short essay about it, and the best essays will be published on the site.",
            ),
            (
                "p",
                "The archive is also a record of the city's many communities, including families "
                "deported to the region in the 1930s and 1940s. Beketova says the team will next focus "
                "on oral testimony, recording interviews with retired miners while they can still tell "
                "their stories.",
            ),
        ],
        "image": {
            "caption": "Winter over the steppe outside Karaganda.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a snowy steppe with distant spoil heaps under a grey sky",
            "seed": 410,
            "palette": "snow",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-11",
        "slug": "dushanbe-conservatory-opens-shashmaqom-class-for-children",
        "topic": "culture",
        "countries": ["TJ"],
        "tags": ["music", "education", "heritage"],
        "authors": ["zarina-karimova"],
        "days_ago": 34,
        "hours": 17,
        "title": "Dushanbe conservatory opens a Shashmaqom class for children from mountain districts",
        "standfirst": (
            "Twenty-four pupils from Rasht, Kulob and Badakhshan are studying the classical suite "
            "tradition on full scholarships, with lodging in the capital."
        ),
        "body": [
            (
                "p",
                "The national conservatory in Dushanbe has opened a boarding class in Shashmaqom, the "
                "classical suite tradition shared by Tajik and Uzbek musicians, for 24 children aged ten "
                "to fourteen. Most of the pupils come from mountain districts such as Rasht, Kulob and "
                "Gorno-Badakhshan, where specialist music teachers are scarce.",
            ),
            (
                "p",
                "The children study the tanbur, the doira frame drum and vocal technique for four hours "
                "a day, alongside the regular school curriculum. The scholarships cover tuition, a bed "
                "in a dormitory near the conservatory and two trips home a year.",
            ),
            (
                "quote",
                "A maqom is not learned from a recording. It has to pass from one voice to another, in "
                "the same room.",
                "Abdulvohid Rahimov, head of the Shashmaqom department",
            ),
            (
                "p",
                "Teachers auditioned more than 300 children over the summer, travelling with a small "
                "team to district centres and villages. Rahimov says they looked for a good ear and "
                "patience rather than previous training, since few applicants had ever seen a tanbur "
                "up close.",
            ),
            (
                "p",
                "The conservatory plans to invite teachers from Bukhara and Samarkand for joint "
                "masterclasses in spring. Musicians on both sides of the border have long argued that "
                "the tradition needs a new generation of performers if it is to survive as a living art.",
            ),
            (
                "p",
                'Parents say sending young children to the capital was not an easy decision. "She '
                'cried the first week, and so did I," said Mavjuda Saidova, whose daughter came from a '
                'village near Gharm. "Now she calls me every evening to sing what she learned."',
            ),
        ],
        "image": {
            "caption": "Night falls over the hills around Dushanbe.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of layered mountain ridges under a starry night sky",
            "seed": 411,
            "palette": "night",
        },
        "featured": False,
        "updated_days_ago": None,
    },
    {
        "key": "culture-12",
        "slug": "karakol-mountain-film-festival-puts-glaciers-on-screen",
        "topic": "culture",
        "countries": ["KG"],
        "tags": ["film", "mountains", "climate", "tourism"],
        "authors": ["bakyt-toktogulov"],
        "days_ago": 41,
        "hours": 15,
        "title": "Karakol mountain film festival puts the melting glaciers of the Tian Shan on screen",
        "standfirst": (
            "The festival on the shore of Issyk-Kul screened 31 films about climbers, herders and the "
            "retreat of the glaciers that feed the lake."
        ),
        "body": [
            (
                "p",
                "The fifth Karakol mountain film festival drew about 2,500 visitors over four days to "
                "the town's old cinema and an outdoor screen at the foot of the Terskey Alatau. Of the "
                "31 films shown, nearly half dealt with the retreat of glaciers in the Tian Shan and its "
                "effect on herders and farmers around Issyk-Kul.",
            ),
            (
                "p",
                "The main prize went to a 52-minute documentary by a young director from Bishkek who "
                "spent a season with a family of shepherds in the Jety-Oguz valley. The film shows the "
                "family moving its flock higher each summer as springs dry up and pastures shift.",
            ),
            (
                "image",
                "A stylised view of glaciers above the Karakol valley.",
                "Illustration: Steppe Courier demo",
            ),
            (
                "p",
                "Glaciologist Aidana Musaeva, who sat on the jury, said films could reach audiences that "
                "scientific reports never would. Her team has measured a glacier in the Karakol valley "
                "for twelve years and recorded the loss of almost a quarter of its surface area over "
                "that period.",
            ),
            (
                "p",
                "Local guesthouses and trekking agencies helped sponsor the festival, seeing it as a way "
                'to stretch the tourist season into early autumn. "People come for the films and stay '
                'for a hike," said guide Ermek Asanov. "This year we had groups booked until the first '
                'snow."',
            ),
            (
                "p",
                "Organisers plan to take a selection of the films on tour to Naryn, Osh and Talas in the "
                "winter, screening them in schools and community halls. They also want to set up a "
                "small fund for young filmmakers from the mountain villages around the lake.",
            ),
        ],
        "image": {
            "caption": "Snow-capped ridges of the Terskey Alatau above Issyk-Kul.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of snowy ridges at dawn above a still blue lake",
            "seed": 412,
            "palette": "dawn",
        },
        "featured": False,
        "updated_days_ago": None,
        "ru": {
            "title": "Горный кинофестиваль в Караколе показал на экране тающие ледники Тянь-Шаня",
            "standfirst": (
                "На фестивале на берегу Иссык-Куля показали 31 фильм об альпинистах, пастухах и "
                "отступлении ледников, которые питают озеро."
            ),
            "body": [
                (
                    "p",
                    "Пятый горный кинофестиваль в Караколе за четыре дня собрал около 2500 зрителей в "
                    "старом городском кинотеатре и у открытого экрана у подножия Терскей Ала-Тоо. "
                    "Почти половина из 31 показанного фильма была посвящена отступлению ледников "
                    "Тянь-Шаня и тому, как оно сказывается на пастухах и фермерах вокруг Иссык-Куля.",
                ),
                (
                    "p",
                    "Главный приз получил 52-минутный документальный фильм молодого режиссёра из "
                    "Бишкека, который провёл сезон с семьёй чабанов в ущелье Джети-Огуз. В фильме "
                    "видно, как семья каждое лето поднимает отару всё выше, потому что родники "
                    "пересыхают, а пастбища смещаются.",
                ),
                (
                    "image",
                    "Стилизованный вид ледников над Каракольским ущельем.",
                    "Иллюстрация: демо Steppe Courier",
                ),
                (
                    "p",
                    "Гляциолог Айдана Мусаева, входившая в жюри, сказала, что фильмы способны достучаться "
                    "до зрителей, до которых научные отчёты никогда не дойдут. Её группа двенадцать лет "
                    "ведёт наблюдения за ледником в Каракольском ущелье и зафиксировала за это время "
                    "сокращение его площади почти на четверть.",
                ),
                (
                    "p",
                    "Часть расходов фестиваля взяли на себя местные гостевые дома и треккинговые "
                    "агентства, увидевшие в нём способ продлить туристический сезон до начала осени. "
                    "«Люди приезжают ради фильмов и остаются ради похода, — говорит гид Эрмек Асанов. — "
                    "В этом году у нас были группы вплоть до первого снега».",
                ),
                (
                    "p",
                    "Зимой организаторы планируют повезти подборку фильмов в Нарын, Ош и Талас и "
                    "показать их в школах и домах культуры. Они также хотят создать небольшой фонд для "
                    "молодых кинематографистов из горных сёл вокруг озера.",
                ),
            ],
            "image": {
                "caption": "Заснеженные хребты Терскей Ала-Тоо над Иссык-Кулем.",
                "credit": "Иллюстрация: демо Steppe Courier",
                "alt": "Стилизованная иллюстрация заснеженных хребтов на рассвете над спокойным синим озером",
            },
        },
    },
    {
        "key": "culture-13",
        "slug": "dashoguz-and-nukus-archaeologists-map-khorezm-fortresses",
        "topic": "culture",
        "countries": ["TM", "UZ"],
        "tags": ["heritage", "tourism", "water"],
        "authors": ["maral-annayeva", "dilnoza-rakhimova"],
        "days_ago": 57,
        "hours": 10,
        "title": "Dashoguz and Nukus archaeologists map Khorezm fortresses along the Amu Darya",
        "standfirst": (
            "A joint survey on both banks of the river has catalogued 47 desert fortresses, several of "
            "them threatened by new irrigation canals and wind erosion."
        ),
        "body": [
            (
                "p",
                "A team of archaeologists from Dashoguz in Turkmenistan and Nukus in Uzbekistan's "
                "Karakalpakstan has completed the first joint survey of ancient Khorezm fortresses on "
                "both sides of the Amu Darya. Over two field seasons the group catalogued 47 sites, "
                "from small watchtowers to walled towns that once guarded the canals of the delta.",
            ),
            (
                "p",
                "The fortresses, built of mud brick between roughly the fourth century BC and the "
                "seventh century AD, now stand in semi-desert. Drone surveys allowed the team to trace "
                "old canals that once carried river water to the fields around them, some of them "
                "running for more than 20 kilometres.",
            ),
            (
                "p",
                "Survey leader Bahtiyar Orazov said several sites are under pressure. New irrigation "
                "ditches cut through two outer walls last year, and sand and wind have worn away the "
                'upper levels of others. "These walls survived two thousand years of wind," he said. '
                '"They may not survive another fifty without help."',
            ),
            (
                "p",
                "Tourism officials on both sides see potential for a cross-border heritage route "
                "linking Khiva, the desert fortresses of Karakalpakstan and Kunya-Urgench near "
                "Dashoguz. For now visitors must use a single border checkpoint, and few tour operators "
                "offer combined itineraries.",
            ),
            (
                "p",
                "The team plans to publish a shared map and database in Turkmen, Uzbek, Karakalpak and "
                "Russian. Its members hope to return in autumn to excavate a small fortress near the "
                "river that appears to have been abandoned suddenly.",
            ),
        ],
        "image": {
            "caption": "Desert plain along the lower Amu Darya.",
            "credit": "Illustration: Steppe Courier demo",
            "alt": "Stylised illustration of a desert plain with low ruined walls and a winding river",
            "seed": 413,
            "palette": "desert",
        },
        "featured": False,
        "updated_days_ago": None,
    },
]
