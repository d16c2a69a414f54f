/**
 * Month names of the other languages pages are written in, as data: for each language, its twelve
 * months in order, each as the forms a page writes (space-separated): the form used after a day
 * ("3 января", "30 avril"), the standalone form and the abbreviation, lower-cased, without a final
 * dot, three letters or more and no figures. Spelled as Unicode CLDR 48 (ICU 78.2) has them;
 * tests/ingest/local/foreignMonthNames.test.ts checks them against the platform's Intl data. A table
 * rather than Intl calls at load: building 57 date formats cost every parser thread ~70 ms, and a
 * page reads the same on every runtime whatever its ICU.
 */
export const foreignMonthNames: Record<string, readonly string[]> = {
  fr: ['janvier janv', 'février févr', 'mars', 'avril avr', 'mai', 'juin', 'juillet juil', 'août', 'septembre sept', 'octobre oct', 'novembre nov', 'décembre déc'],
  es: ['enero ene', 'febrero feb', 'marzo mar', 'abril abr', 'mayo may', 'junio jun', 'julio jul', 'agosto ago', 'septiembre sept', 'octubre oct', 'noviembre nov', 'diciembre dic'],
  de: ['januar jan', 'februar feb', 'märz', 'april apr', 'mai', 'juni', 'juli', 'august aug', 'september sept', 'oktober okt', 'november nov', 'dezember dez'],
  it: ['gennaio gen', 'febbraio feb', 'marzo mar', 'aprile apr', 'maggio mag', 'giugno giu', 'luglio lug', 'agosto ago', 'settembre set', 'ottobre ott', 'novembre nov', 'dicembre dic'],
  pt: ['janeiro jan', 'fevereiro fev', 'março mar', 'abril abr', 'maio mai', 'junho jun', 'julho jul', 'agosto ago', 'setembro set', 'outubro out', 'novembro nov', 'dezembro dez'],
  nl: ['januari jan', 'februari feb', 'maart mrt', 'april apr', 'mei', 'juni jun', 'juli jul', 'augustus aug', 'september sep', 'oktober okt', 'november nov', 'december dec'],
  ru: ['января январь янв', 'февраля февраль февр', 'марта март мар', 'апреля апрель апр', 'мая май', 'июня июнь июн', 'июля июль июл', 'августа август авг', 'сентября сентябрь сент', 'октября октябрь окт', 'ноября ноябрь нояб', 'декабря декабрь дек'],
  uk: ['січня січень січ', 'лютого лютий лют', 'березня березень бер', 'квітня квітень квіт', 'травня травень трав', 'червня червень черв', 'липня липень лип', 'серпня серпень серп', 'вересня вересень вер', 'жовтня жовтень жовт', 'листопада листопад лист', 'грудня грудень груд'],
  kk: ['қаңтар қаң', 'ақпан ақп', 'наурыз нау', 'сәуір сәу', 'мамыр мам', 'маусым мау', 'шілде шіл', 'тамыз там', 'қыркүйек қыр', 'қазан қаз', 'қараша қар', 'желтоқсан жел'],
  cs: ['ledna leden', 'února únor', 'března březen', 'dubna duben', 'května květen', 'června červen', 'července červenec', 'srpna srpen', 'září', 'října říjen', 'listopadu listopad', 'prosince prosinec'],
  pl: ['stycznia styczeń sty', 'lutego luty lut', 'marca marzec mar', 'kwietnia kwiecień kwi', 'maja maj', 'czerwca czerwiec cze', 'lipca lipiec lip', 'sierpnia sierpień sie', 'września wrzesień wrz', 'października październik paź', 'listopada listopad lis', 'grudnia grudzień gru'],
  tr: ['ocak oca', 'şubat şub', 'mart mar', 'nisan nis', 'mayıs may', 'haziran haz', 'temmuz tem', 'ağustos ağu', 'eylül eyl', 'ekim eki', 'kasım kas', 'aralık ara'],
  sv: ['januari jan', 'februari feb', 'mars', 'april apr', 'maj', 'juni', 'juli', 'augusti aug', 'september sep', 'oktober okt', 'november nov', 'december dec'],
  da: ['januar jan', 'februar feb', 'marts mar', 'april apr', 'maj', 'juni jun', 'juli jul', 'august aug', 'september sep', 'oktober okt', 'november nov', 'december dec'],
  nb: ['januar jan', 'februar feb', 'mars', 'april apr', 'mai', 'juni', 'juli', 'august aug', 'september sep', 'oktober okt', 'november nov', 'desember des'],
  fi: ['tammikuuta tammikuu', 'helmikuuta helmikuu', 'maaliskuuta maaliskuu', 'huhtikuuta huhtikuu', 'toukokuuta toukokuu', 'kesäkuuta kesäkuu', 'heinäkuuta heinäkuu', 'elokuuta elokuu', 'syyskuuta syyskuu', 'lokakuuta lokakuu', 'marraskuuta marraskuu', 'joulukuuta joulukuu'],
  ro: ['ianuarie ian', 'februarie feb', 'martie mar', 'aprilie apr', 'mai', 'iunie iun', 'iulie iul', 'august aug', 'septembrie sept', 'octombrie oct', 'noiembrie nov', 'decembrie dec'],
  hu: ['január jan', 'február febr', 'március márc', 'április ápr', 'május máj', 'június jún', 'július júl', 'augusztus aug', 'szeptember szept', 'október okt', 'november nov', 'december dec'],
  id: ['januari jan', 'februari feb', 'maret mar', 'april apr', 'mei', 'juni jun', 'juli jul', 'agustus agu', 'september sep', 'oktober okt', 'november nov', 'desember des'],
};
