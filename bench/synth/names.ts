import type { Random } from './random.js';

export type Gender = 'men' | 'women';
export type Sport = 'long-track' | 'short-track';

/** IOC code -> the country as prose names it ("Jorrit Bergsma of the Netherlands"). */
export const NATIONS: Readonly<Record<string, string>> = {
  NED: 'the Netherlands',
  BEL: 'Belgium',
  KOR: 'South Korea',
  CHN: 'China',
  HKG: 'Hong Kong',
  JPN: 'Japan',
  USA: 'the United States',
  CAN: 'Canada',
  GBR: 'Great Britain',
  AUS: 'Australia',
  FRA: 'France',
  GER: 'Germany',
  AUT: 'Austria',
  SUI: 'Switzerland',
  ITA: 'Italy',
  NOR: 'Norway',
  DEN: 'Denmark',
  SWE: 'Sweden',
  FIN: 'Finland',
  RUS: 'Russia',
  KAZ: 'Kazakhstan',
  UKR: 'Ukraine',
  POL: 'Poland',
  CZE: 'the Czech Republic',
  LAT: 'Latvia',
  HUN: 'Hungary',
};

interface Culture {
  /** Relative share of skaters in long track and in short track. */
  long: number;
  short: number;
  nocs: readonly (readonly [string, number])[];
  build: (rng: Random, gender: Gender) => string;
}

type Lists = Readonly<Record<Gender, readonly string[]>>;

/** Lists are written as one comma-separated string each to keep the tables readable. */
function list(names: string): readonly string[] {
  return names.split(', ');
}

function givenFirst(given: Lists, family: Lists | readonly string[]) {
  return (rng: Random, gender: Gender): string => {
    const families = Array.isArray(family) ? family : (family as Lists)[gender];
    return `${rng.pick(given[gender])} ${rng.pick(families)}`;
  };
}

const DUTCH_GIVEN: Lists = {
  men: list(
    'Jorrit, Stijn, Kjeld, Sven, Jens, Teun, Kai, Patrick, Thomas, Wesley, Hein, Joep, Tijmen, Marcel, Jenning, Lennart, Merijn, Bob, Sjinkie, Daan, Friso, Itzhak, Gerard, Koen, Ronald, Erben, Jan, Rintje, Ard, Piet, Kees, Hidde, Wouter, Ids',
  ),
  women: list(
    'Marijke, Irene, Bente, Joy, Jutta, Antoinette, Femke, Suzanne, Xandra, Yara, Selma, Lara, Michelle, Jorien, Ireen, Lotte, Esmee, Rianne, Sanne, Carlijn, Annette, Gunda, Marianne, Atje, Tonny, Yvonne, Margot, Linda, Anouk, Elske, Sietske, Fenna',
  ),
};
const DUTCH_FAMILY = list(
  'Bergsma, Groenewoud, Kerkhoff, Kramer, Nuis, Krol, Verbij, Roest, Boer, Schouten, Leerdam, Wüst, Rijpma, Otterspeer, Kok, Knegt, Dijkstra, Visser, Postma, Zwart, Mulder, Bosch, Smit, Hoekstra, Brouwer, Kuipers, Jansen, Wiersma, Terpstra, Bos, Tuitert, Keizer, Romme, Verheijen, Bijsterbosch, Hoogland',
);
const DUTCH_PARTICLES = list("van, van der, van den, van de, de, van 't, ter, te");
const DUTCH_STEMS = list(
  'Wout, Bunt, Poel, Jong, Berg, Haas, Velde, Mors, Beek, Weijden, Vries, Dijk, Leeuwen, Kamp, Horst, Wetering, Ven, Laan, Veen, Heuvel, Meer, Sande, Linde, Wal, Hoek, Pol, Graaf, Bruin, Groot, Kleijn, Rijp, Hout',
);

const FLEMISH_GIVEN: Lists = {
  men: list('Bart, Stijn, Mathias, Jelle, Wout, Ward, Pieter, Tibo, Senne, Indra, Bram, Lander, Jens, Kobe'),
  women: list('Fran, Sandrine, Hanne, Lien, Jolien, Ellen, Nele, Fien, Lotte, Hanna, Marthe, Febe, Jana'),
};
const FLEMISH_FAMILY = list(
  'Swings, Desmet, Vanhoutte, Tas, Vermeulen, Peeters, Janssens, Van Hecke, Claes, Goethals, Verstraete, De Backer, Van den Broeck, Maes, Willems, Dewulf, Vandenbussche, Verbeke, Van Acker, De Smet, Mertens, Lambrecht, Van Damme, Coppens',
);

const KOREAN_FAMILY = list(
  'Kim, Lee, Park, Choi, Chung, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin, Seo, Kwon, Hwang, Ahn, Song, Hong, Moon, Rim, Noh, Yoo, Ko, Bae, Baek, Jeon, Oh',
);
const KOREAN_FIRST: Lists = {
  men: list(
    'Jae, Jong, Min, Seung, Dae, Dong, Won, Sung, Hyun, Sang, Chang, Tae, Woo, Jin, Kyung, Joon, Ho, Myung, Byung, Sun, Young, Gyu',
  ),
  women: list(
    'Ji, Hye, Su, Ye, Eun, Da, Ha, Yoo, Seo, Min, Na, Bo, Ah, Hee, So, Yu, Chae, Ga, Soo, Jin, Hyo, Mi',
  ),
};
const KOREAN_SECOND: Lists = {
  men: list(
    'won, un, seok, hoon, heon, min, woo, jin, ho, bin, jun, hyuk, yeon, gyu, sung, chul, hwan, kyu, soo, young, il, tae',
  ),
  women: list(
    'woo, won, eun, yeon, ah, jung, rin, bin, seon, kyung, hee, young, sol, yun, min, ji, ra, hyun, seo, ri, na, lee',
  ),
};

const CHINESE_FAMILY = list(
  'Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, Lin, Gao, Luo, Zheng, Liang, Xie, Song, Tang, Han, Feng, Deng, Cao, Peng, Ren, Fan, Qu, Ning, Yu, Dai, Zang, Tian, Gong',
);
const CHINESE_SYLLABLES: Lists = {
  men: list(
    'Long, Yu, Wen, Hao, Zi, Wei, Xiao, Jun, Da, Jing, Hong, Yang, Tian, Yi, Lei, Kai, Ming, Qi, Rui, Shao, Ang, Lin, Tong, Bo, Cheng, Feng, Jian, Peng, Zhi, Tao',
  ),
  women: list(
    'Yu, Bin, Ting, Mei, Hong, Yang, Yi, Chun, Xin, Jia, Qi, Lin, Tong, Ning, Wen, Jing, Xue, Meng, Yan, Li, Hui, Shan, Na, Ying, Lu, Qing, Fei, Man, Ru, Ke',
  ),
};

const JAPANESE_GIVEN: Lists = {
  men: list(
    'Shomu, Kazuki, Shogo, Tatsuya, Ryota, Taiyo, Yuma, Tsubasa, Wataru, Hiroki, Daichi, Kenta, Takuro, Joji, Masaya, Seitaro, Yuki, Haruto, Kota, Riku, Sota, Naoki, Keiichiro, Toshiyuki, Hiroyasu, Kosuke, Takaharu, Motonaga, Genta, Ippei, Shota, Yusuke, Katsuhiro, Ren, Akira, Daiki',
  ),
  women: list(
    'Ayano, Momoka, Miho, Nao, Arisa, Sumire, Yuka, Kurumi, Rin, Hana, Sayuri, Misaki, Ayaka, Maki, Yui, Haruka, Moeka, Saki, Kaho, Aoi, Mio, Natsumi, Tomomi, Chiharu, Erina, Yuki, Sena, Mayu, Riko, Shiho, Akane, Nanami, Hitomi, Kanako, Reina, Sakura',
  ),
};
const JAPANESE_FAMILY = list(
  'Sasaki, Sato, Yoshinaga, Miyata, Horikawa, Takagi, Kodaira, Nitta, Murakami, Morishige, Shimizu, Kato, Yamada, Nagashima, Oikawa, Ichinohe, Hamada, Watanabe, Kikuchi, Sakazume, Ito, Tanaka, Suzuki, Takahashi, Kobayashi, Nakamura, Yamamoto, Matsumoto, Inoue, Kimura, Hayashi, Saito, Yamaguchi, Mori, Ikeda, Hashimoto, Ishikawa, Ogawa, Okada, Fujita, Goto, Hasegawa, Arito, Kawamura, Nakajima, Noguchi, Ueda, Morita, Sugimoto, Kuroiwa',
);

const ENGLISH_GIVEN: Lists = {
  men: list(
    'Jordan, Brendan, Clayton, Ethan, Daniel, Niall, Brandon, Casey, Conor, Emery, Joey, Ryan, Cooper, Tyler, Kyle, Logan, Austin, Mitchell, Connor, Jack, Eric, Jonathan, Andrew, Shani, Chad, Apolo, Dan, Brian, Zach, Aidan, Harrison, Lewis, Farrell, Declan, Oliver, Callum',
  ),
  women: list(
    'Mia, Greta, Kaitlyn, Brittany, Erin, Heather, Kristen, Corinne, Maame, Elise, Isabelle, Kimi, Courtney, Jessica, Hailey, Elle, Abigail, Paige, Sarah, Beth, Bonnie, Jennifer, Katherine, Amy, Emily, Madison, Rachel, Hannah, Chelsea, Megan, Lauren, Brooke, Natalie, Ashley, Tess',
  ),
};
const ENGLISH_FAMILY = list(
  "Stolz, Corey, DeClemente, Cepuran, Hall, Treacy, Manganello, Myers, Bowe, Dudek, Jackson, Mantia, Celski, Hedrick, Davis, O'Neill, McGregor, Whitmore, Fitzgerald, Christie, Boyle, Mackenzie, O'Reilly, Donnelly, Sutherland, MacDonald, Hughes, Reynolds, Crawford, Sinclair, Hamilton, Gardner, Lindsay, Blair, Heiden, Jansen, Cruikshank, Parra, Fredricks, Morrison, Weidemann, Gregg, Schwartz, Kocian, Richardson, Bradbury, McCarthy, Pryor, Wotherspoon, Kennedy, Holt, Sweeney, Gagnon, Walsh, Barrett, Ellison, Prescott, Whitfield, Atherton",
);

const FRENCH_GIVEN: Lists = {
  men: list(
    'Étienne, Félix, Mathieu, Timothy, Quentin, Thibaut, Maxime, Sébastien, Jérémy, Benoît, Théo, Valentin, Olivier, Laurent, Rémi, Antoine, Jean-Philippe, Pierre-Luc, Marc-André, Charles, William, Frédéric, Gaëtan, Alexis, Cédric, François, Jérôme, Hugo, Loïc, Raphaël',
  ),
  women: list(
    'Valérie, Ivanie, Isabelle, Élodie, Marianne, Béatrice, Mélanie, Anaïs, Chloé, Camille, Léa, Florence, Gaëlle, Marie-Ève, Anne-Sophie, Hélène, Océane, Noémie, Kim, Geneviève, Joëlle, Danaé, Amélie, Sophie, Justine, Aurélie, Laurie, Émilie, Claudia, Véronique',
  ),
};
const FRENCH_FAMILY = list(
  'Gélinas, Beaulieu, Bastier, Roussel, Pigeon, Belloir, Loubineaud, Fercoq, Médard, Dubois, Blondin, Maltais, Boutin, Tremblay, Côté, Bélanger, Lévesque, Gagné, Lefèvre, Hamelin, Girard, Lemaître, Brûlé, Thériault, Desrosiers, Lacroix, Boisvert, Gauthier, Pelletier, Dandjinou, Laferrière, Bédard, Tétreault, Marchand, Rochette, Fréchette, Arseneault, Morin, Veillette',
);

const ITALIAN_GIVEN: Lists = {
  men: list(
    'Pietro, Andrea, Luca, Thomas, Daniele, Davide, Yuri, Tommaso, Riccardo, Matteo, Lorenzo, Nicola, Alessio, Michele, Enrico, Mirko, Roberto, Fabio, Giuseppe, Stefano',
  ),
  women: list(
    'Francesca, Arianna, Martina, Elena, Giulia, Chiara, Sofia, Lucia, Serena, Laura, Cristina, Marta, Gloria, Veronica, Alessia, Federica, Elisa, Nicole, Ilaria, Beatrice',
  ),
};
const ITALIAN_FAMILY = list(
  'Sighel, Giovannini, Nadalini, Spechenhauser, Di Stefano, Lollobrigida, Fontana, Confortola, Cassinelli, Valcepina, Betti, Bosatelli, Cristofoletti, Ghiotto, Malfatti, Mosconi, Peretti, De Luca, Lo Russo, Dal Pozzo, Della Valle, Tabanelli, Rigoni, Zanon, Carnino, Anesi, Fabris, Sanfilippo, Vuillermin, Di Gregorio, Dell\u2019Orto, Bruno, Colombo, Ferrari',
);

const GERMAN_GIVEN: Lists = {
  men: list(
    'Fridtjof, Felix, Moritz, Hendrik, Patrick, Lukas, Jörg, Maximilian, Florian, Nico, Tobias, Jürgen, Stefan, Livio, Gabriel, Severin, Linus, Matthias, Alexander, Björn, Uwe, Günther',
  ),
  women: list(
    'Claudia, Anni, Gunda, Ramona, Josie, Jeannine, Lea, Katja, Jana, Sophie, Maira, Monika, Franziska, Jördis, Nadja, Rahel, Lena, Bärbel, Vanessa, Theresa, Anna, Jülide',
  ),
};
const GERMAN_FAMILY = list(
  'Petzold, Maly, Härdi, Farthofer, Odor, Wenger, Rosner, Jasch, Hofmann, Pechstein, Friesinger, Müller, Schäfer, Groß, Strauß, Weiß, Köhler, Krüger, Böhm, Gößner, Meißner, Zöllner, Fischer, Baumgärtner, Dörr, Kühn, Hörmann, Schönfelder, Mäder, Züger, Bühler, Nüssli, Ihle, Beckert, Geisreiter, Seifert, Anschütz, Löffler, Brückner, Wöhrle',
);

const NORDIC_GIVEN: Lists = {
  men: list(
    'Sigurd, Didrik, Sverre, Håvard, Peder, Bjørn, Hallgeir, Allan, Kjell, Ørjan, Viktor, Magnus, Mathias, Steffen, Henrik, Jørgen, Espen, Torstein, Knut, Ådne, Eirik, Bård',
  ),
  women: list(
    'Aurora, Ragne, Ida, Marit, Ingrid, Sofie, Maren, Kristine, Hege, Åse, Julie, Martine, Live, Sølvi, Ane, Ingvild, Solveig, Bodil, Tuva, Frøydis, Ellinor, Mathilde',
  ),
};
const NORDIC_MIDDLE = list(
  'Holbø, Grinden, Eng, Hald, Lunde, Bøkko, Aune, Sætre, Haugli, Moe, Vik, Berge, Dahl, Kleven, Rønning',
);
const NORDIC_FAMILY = list(
  'Dyrset, Løvås, Strand, Thorup, Lorentzen, Pedersen, Engebråten, Wiklund, Johansen, Sønsteby, Kvåle, Øien, Ødegård, Sæther, Fjørtoft, Nærland, Lillebø, Høglund, Grønvold, Kjærgaard, Mørch, Madsen, Nørgaard, Frederiksen, Sørensen, Bjørnstad, Haugen, Bakken, Sjåstad, Tønnessen',
);

const SWEDISH_GIVEN: Lists = {
  men: list(
    'Nils, Erik, Oskar, Håkan, Jonas, Gustaf, Johan, Anders, Olle, Mika, Pekka, Lauri, Joel, Tomas, Mattias, Jesper, Pär, Göran',
  ),
  women: list(
    'Johanna, Elin, Ellen, Maja, Linnéa, Sanna, Sofia, Kaisa, Jenni, Märta, Hanna, Åsa, Ebba, Tiina, Satu, Emmi, Ylva, Agnes',
  ),
};
const SWEDISH_FAMILY = list(
  'Andersson, Lindqvist, Wikström, Sjöberg, Åström, Löfgren, Björklund, Dahlén, Näslund, Hägglund, Häkkinen, Mäkinen, Järvinen, Väänänen, Lähteenmäki, Pöyhönen, Östlund, Säll, Friberg, Öberg, Nyström, Ekström, Söderlund, Grönroos, Kärkkäinen, Hyvönen',
);

const RUSSIAN_GIVEN: Lists = {
  men: list(
    'Vladimir, Denis, Ivan, Pavel, Semion, Artem, Ruslan, Daniil, Sergei, Konstantin, Dmitry, Nikita, Viktor, Alexei, Yevgeny, Roman, Oleksandr, Mykola, Timur, Aleksandr',
  ),
  women: list(
    'Elizaveta, Maryna, Anastasiia, Olga, Yekaterina, Natalia, Darya, Angelina, Ekaterina, Yulia, Sofia, Evgenia, Svetlana, Tatiana, Kseniya, Alina, Polina, Irina, Oksana, Valeriya',
  ),
};
const RUSSIAN_FAMILY: Lists = {
  men: list(
    'Semirunniy, Nikisha, Posashkov, Kulizhnikov, Yelistratov, Murtazin, Zakharov, Golubev, Sergeev, Kuzmin, Morozov, Volkov, Sokolov, Lebedev, Yunusov, Skobrev, Rumyantsev, Shulginov, Aydarov, Kovalenko, Bondarenko, Tkachenko, Denisov, Grigoriev',
  ),
  women: list(
    'Golubeva, Zuyeva, Semenova, Fatkulina, Voronina, Shikhova, Kachanova, Zakharova, Sergeeva, Kuzmina, Morozova, Volkova, Sokolova, Lebedeva, Aidova, Prokhvatilova, Kovalenko, Bondarenko, Tkachenko, Denisova, Grigorieva, Kazelina, Graf, Lalenkova',
  ),
};

const POLISH_GIVEN: Lists = {
  men: list(
    'Michał, Piotr, Damian, Marek, Łukasz, Paweł, Kamil, Sebastian, Szymon, Artur, Jakub, Mateusz, Bartosz, Wojciech, Zbigniew, Przemysław',
  ),
  women: list(
    'Natalia, Karolina, Kaja, Magdalena, Zofia, Aleksandra, Katarzyna, Agnieszka, Luiza, Andżelika, Patrycja, Weronika, Małgorzata, Iga, Gabriela, Ewelina',
  ),
};
const POLISH_FAMILY: Lists = {
  men: list(
    'Niewiński, Kowalski, Wiśniewski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Krawczyk, Piątek, Grabowski, Zając, Król, Wróbel, Żurek, Michałowski, Bródka, Kuś, Ziomek, Kłos, Sołtys, Wąsik',
  ),
  women: list(
    'Niewińska, Kowalska, Wiśniewska, Zielińska, Szymańska, Woźniak, Dąbrowska, Kozłowska, Jankowska, Mazur, Krawczyk, Czerwonka, Grabowska, Zając, Król, Wróbel, Żurek, Michałowska, Bródka, Kuś, Kłos, Sołtys, Wąsik, Bachanek',
  ),
};

const CZECH_GIVEN: Lists = {
  men: list(
    'Metoděj, Jiří, Tomáš, Lukáš, Petr, Jakub, Ondřej, Matěj, Vojtěch, Zdeněk, Radek, Milan, Štěpán, Martin, Dominik, Přemysl',
  ),
  women: list(
    'Martina, Nikola, Karolína, Tereza, Kateřina, Eliška, Markéta, Zuzana, Lucie, Anežka, Barbora, Veronika, Adéla, Klára, Šárka, Michaela',
  ),
};
const CZECH_FAMILY: Lists = {
  men: list(
    'Jílek, Novák, Dvořák, Černý, Procházka, Kučera, Veselý, Horák, Němec, Pokorný, Marek, Růžička, Beneš, Fiala, Sedláček, Doležal, Zeman, Kolář, Navrátil, Čermák, Šťastný, Hájek, Král, Kříž',
  ),
  women: list(
    'Jílková, Nováková, Dvořáková, Černá, Procházková, Kučerová, Veselá, Horáková, Němcová, Pokorná, Marková, Růžičková, Benešová, Fialová, Sedláčková, Doležalová, Zemanová, Kolářová, Sáblíková, Erbanová, Šťastná, Hájková, Králová, Křížová',
  ),
};

const LATVIAN_GIVEN: Lists = {
  men: list(
    'Reinis, Roberts, Haralds, Kristaps, Jānis, Andris, Mārtiņš, Edgars, Artūrs, Rihards, Dāvis, Ēriks, Gatis, Kārlis, Oskars, Valters',
  ),
  women: list(
    'Ieva, Elīza, Anete, Laura, Līga, Agnese, Madara, Kristīne, Zane, Ilze, Sanita, Evelīna, Dace, Inese, Anna, Rūta',
  ),
};
const LATVIAN_FAMILY: Lists = {
  men: list(
    'Bērziņš, Krūzbergs, Ozoliņš, Kalniņš, Jansons, Liepiņš, Zariņš, Kļaviņš, Vītols, Pētersons, Eglītis, Siliņš, Rudzītis, Lācis, Kārkliņš, Dūmiņš, Silovs, Puriņš, Skadiņš, Ābols',
  ),
  women: list(
    'Bērziņa, Ozoliņa, Kalniņa, Jansone, Liepiņa, Zariņa, Kļaviņa, Vītola, Pētersone, Eglīte, Siliņa, Rudzīte, Lāce, Kārkliņa, Dūmiņa, Krūzberga, Puriņa, Skadiņa, Ābola, Priede',
  ),
};

const HUNGARIAN_GIVEN: Lists = {
  men: list(
    'Bence, Csaba, Dániel, Ádám, Máté, Zoltán, Péter, Gergő, Levente, Bálint, Viktor, Szabolcs, Kristóf, Botond, Örs, Dávid',
  ),
  women: list(
    'Petra, Zsófia, Réka, Dóra, Anna, Eszter, Boglárka, Kata, Lili, Noémi, Bernadett, Andrea, Rózsa, Emese, Júlia, Villő',
  ),
};
const HUNGARIAN_FAMILY = list(
  'Nógrádi, Szabó, Kovács, Tóth, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szűcs, Győri, Bíró, Vörös, Pálfi, Sándor, Jászapáti, Knoch, Burján, Keszler, Heidum, Kónya, Lőrincz, Bőczén',
);

const CULTURES: readonly Culture[] = [
  {
    long: 16,
    short: 7,
    nocs: [['NED', 1]],
    build: (rng, gender) => {
      const family = rng.chance(0.35)
        ? `${rng.pick(DUTCH_PARTICLES)} ${rng.pick(DUTCH_STEMS)}`
        : rng.pick(DUTCH_FAMILY);
      return `${rng.pick(DUTCH_GIVEN[gender])} ${family}`;
    },
  },
  { long: 4, short: 3, nocs: [['BEL', 1]], build: givenFirst(FLEMISH_GIVEN, FLEMISH_FAMILY) },
  {
    long: 8,
    short: 16,
    nocs: [['KOR', 1]],
    build: (rng, gender) =>
      `${rng.pick(KOREAN_FAMILY)} ${rng.pick(KOREAN_FIRST[gender])}-${rng.pick(KOREAN_SECOND[gender])}`,
  },
  {
    long: 9,
    short: 16,
    nocs: [
      ['CHN', 12],
      ['HKG', 1],
    ],
    build: (rng, gender) => {
      const first = rng.pick(CHINESE_SYLLABLES[gender]);
      const given = rng.chance(0.3) ? first : first + rng.pick(CHINESE_SYLLABLES[gender]).toLowerCase();
      const family = rng.pick(CHINESE_FAMILY);
      // Some Chinese skaters are listed given name first, as the seeds' Shaoang Liu.
      return rng.chance(0.12) ? `${given} ${family}` : `${family} ${given}`;
    },
  },
  {
    long: 8,
    short: 6,
    nocs: [['JPN', 1]],
    build: (rng, gender) => {
      const given = rng.pick(JAPANESE_GIVEN[gender]);
      const family = rng.pick(JAPANESE_FAMILY);
      return rng.chance(0.15) ? `${family} ${given}` : `${given} ${family}`;
    },
  },
  {
    long: 9,
    short: 8,
    nocs: [
      ['USA', 5],
      ['CAN', 3],
      ['GBR', 2],
      ['AUS', 1],
    ],
    build: givenFirst(ENGLISH_GIVEN, ENGLISH_FAMILY),
  },
  {
    long: 6,
    short: 7,
    nocs: [
      ['CAN', 5],
      ['FRA', 4],
    ],
    build: (rng, gender) => {
      const family = rng.chance(0.15)
        ? `${rng.pick(FRENCH_FAMILY)}-${rng.pick(FRENCH_FAMILY)}`
        : rng.pick(FRENCH_FAMILY);
      return `${rng.pick(FRENCH_GIVEN[gender])} ${family}`;
    },
  },
  { long: 5, short: 5, nocs: [['ITA', 1]], build: givenFirst(ITALIAN_GIVEN, ITALIAN_FAMILY) },
  {
    long: 8,
    short: 3,
    nocs: [
      ['GER', 5],
      ['AUT', 2],
      ['SUI', 2],
    ],
    build: givenFirst(GERMAN_GIVEN, GERMAN_FAMILY),
  },
  {
    long: 6,
    short: 1,
    nocs: [
      ['NOR', 3],
      ['DEN', 1],
    ],
    build: (rng, gender) => {
      const middle = rng.chance(0.4) ? ` ${rng.pick(NORDIC_MIDDLE)}` : '';
      return `${rng.pick(NORDIC_GIVEN[gender])}${middle} ${rng.pick(NORDIC_FAMILY)}`;
    },
  },
  {
    long: 3,
    short: 1,
    nocs: [
      ['SWE', 3],
      ['FIN', 2],
    ],
    build: givenFirst(SWEDISH_GIVEN, SWEDISH_FAMILY),
  },
  {
    long: 7,
    short: 6,
    nocs: [
      ['RUS', 4],
      ['KAZ', 2],
      ['UKR', 2],
    ],
    build: givenFirst(RUSSIAN_GIVEN, RUSSIAN_FAMILY),
  },
  { long: 4, short: 3, nocs: [['POL', 1]], build: givenFirst(POLISH_GIVEN, POLISH_FAMILY) },
  { long: 3, short: 1, nocs: [['CZE', 1]], build: givenFirst(CZECH_GIVEN, CZECH_FAMILY) },
  { long: 2, short: 2, nocs: [['LAT', 1]], build: givenFirst(LATVIAN_GIVEN, LATVIAN_FAMILY) },
  { long: 2, short: 5, nocs: [['HUN', 1]], build: givenFirst(HUNGARIAN_GIVEN, HUNGARIAN_FAMILY) },
];

const FOLDED: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  đ: 'd',
  ı: 'i',
  œ: 'oe',
};

/**
 * How a person would type the name: no accents, any case, any order. Two skaters that differ only in
 * those ways would be one person to the bot, so the pool never holds both.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłßæđıœ]/g, (c) => FOLDED[c] ?? c)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0)
    .sort()
    .join(' ');
}

export interface Person {
  name: string;
  noc: string;
}

/** Draws distinct people; culture shares follow the sport (short track has more Korean and Chinese skaters). */
export class NamePool {
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Random) {}

  get size(): number {
    return this.taken.size;
  }

  draw(gender: Gender, sport: Sport): Person {
    const shares = CULTURES.map(
      (culture) => [culture, sport === 'long-track' ? culture.long : culture.short] as const,
    );
    for (let round = 0; round < 50; round++) {
      const culture = this.rng.weighted(shares);
      for (let attempt = 0; attempt < 8; attempt++) {
        const name = culture.build(this.rng, gender);
        const key = nameKey(name);
        if (this.taken.has(key)) continue;
        this.taken.add(key);
        return { name, noc: this.rng.weighted(culture.nocs) };
      }
    }
    throw new RangeError(`name pool exhausted after ${this.taken.size} skaters`);
  }
}
