/* tagbench.c - speed and agreement of the part-of-speech tagger (src/tag.c).
 *
 *   tagbench [-d DIR] [-t SECONDS]         load time and tokens/s
 *   tagbench [-d DIR] --agree [-v] [FILE]  agreement with Lingua::EN::Tagger
 *
 * DIR is the folder of Lingua::EN::Tagger's words.yml, tags.yml and
 * unknown.yml (default: the one dyad was built with).
 *
 * The speed run loads the lexicon 9 times (min and median), then tags the
 * built-in news-style sentences below (written for dyad, tokenised here in
 * Penn style) over and over on one core, and once more as one long
 * sentence.
 *
 * --agree runs the Perl tagger (perl -MLingua::EN::Tagger, Debian package
 * liblingua-en-tagger-perl) on the same sentences, or on FILE (one sentence
 * a line), gives its tokens to dyad's tagger with the flags dyad's
 * tokenizer would set (`` and '' become "), and prints the share of tokens
 * on which the two agree, and the differences by tag pair; -v prints each
 * sentence that differs, differences in [brackets]. A tagger built with
 * -DDY_TAG_COMPAT must agree on every token.
 *
 * Build (from the project root, after make):
 *   cc -O2 -Iinclude -Isrc bench/tagbench.c build/libdyad.a -lutf8proc \
 *      -lm -pthread -o build/tagbench
 */
#include "dy.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static const char *const sentences[] = {
    "Russian President Vladimir Putin warned NATO on Tuesday that Moscow would respond.",
    "The United States condemned the missile attack on Kyiv and promised more aid to Ukraine.",
    "Israeli troops killed three Palestinians during a raid in the West Bank, the health ministry said.",
    "Talks between the government and rebel leaders collapsed after two days.",
    "China accused Japan of provoking tensions in the East China Sea.",
    "Protesters clashed with police outside the parliament building in Nairobi.",
    "The European Union imposed new sanctions on Iranian officials over the crackdown.",
    "Police arrested 45 people after violent protests erupted in the capital.",
    "Turkish President Recep Tayyip Erdogan said Ankara would not approve Sweden's bid to join NATO.",
    "North Korea fired a ballistic missile into the sea off its east coast on Sunday.",
    "The two leaders agreed to resume peace talks next month in Geneva.",
    "Pakistan's army said militants attacked a checkpoint near the Afghan border, killing four soldiers.",
    "Venezuela expelled the Spanish ambassador and recalled its envoy from Madrid.",
    "Gunmen kidnapped 30 students from a school in northern Nigeria, officials said.",
    "The Security Council will meet on Friday to discuss the crisis in Sudan.",
    "India and China held a new round of military talks to ease the border standoff.",
    "Opposition parties called for a general strike to protest the election results.",
    "The minister denied that the government had ordered the arrests.",
    "Saudi Arabia and Iran agreed to restore diplomatic relations after years of hostility.",
    "Fighting between rival factions killed at least 20 civilians in Tripoli.",
    "The White House said President Joe Biden would meet Chinese leader Xi Jinping in Bali.",
    "France recalled its ambassadors to the U.S. and Australia in a row over submarines.",
    "Hamas fired dozens of rockets at southern Israel overnight.",
    "The government calls the demonstrations illegal and says it will not negotiate.",
    "Ethiopia accused Eritrea of sending troops across the border.",
    "Egypt offered to mediate between Israel and Hamas.",
    "The rebels demand the release of political prisoners before any talks can begin.",
    "Thousands of people marched in Paris against the pension reform.",
    "The court sentenced the former prime minister to seven years in prison.",
    "Germany pledged 500 million euros in humanitarian aid for Syria.",
    "Iraqi forces launched an offensive to retake the town from Islamic State militants.",
    "Armenia and Azerbaijan exchanged fire along their disputed border.",
    "A suicide bomber blew himself up at a mosque in Peshawar, killing dozens of worshippers.",
    "The president vetoed the bill, saying it would threaten national security.",
    "Lebanon's central bank governor was charged with embezzlement.",
    "Police fired tear gas to disperse crowds in Colombo.",
    "The United Nations appealed for $ 2 billion to help flood victims in Pakistan.",
    "Kenya's opposition leader rejected the results and vowed to challenge them in court.",
    "U.S. officials said the talks with Iran had made little progress.",
    "The army seized power in a coup and detained the president.",
    "Mali's junta expelled the French ambassador and gave him 72 hours to leave.",
    "Russia and Ukraine swapped prisoners in a deal brokered by Turkey.",
    "The prime minister resigned after losing a vote of confidence.",
    "Chinese warships held drills near Taiwan after the visit.",
    "Indonesia's president urged calm after riots in Jakarta.",
    "The attacks came a day after the ceasefire was announced.",
    "He said the government may impose a curfew if the violence continues.",
    "In May, the two countries signed a trade agreement.",
    "Officials told us that the U.S. would send more troops.",
    "The US and its allies warned Iran against enriching uranium.",
    "\"We will not accept this,\" the foreign minister said.",
    "The spokesman said the report was \"completely false.\"",
    "Demonstrators demanded the resignation of the governor.",
    "The minister's visit to Beijing was postponed.",
    "Moscow expelled 10 diplomats in retaliation for the expulsions.",
    "Washington imposed sanctions on 122,000 tons of Iranian oil exports.",
    "The ruling party won 55 percent of the vote.",
    "Israel struck targets in Gaza after rockets were fired at Tel Aviv.",
    "Clashes broke out in the streets of Khartoum on Saturday.",
    "The Syrian government denied using chemical weapons.",
    "The UN envoy met with both sides in an effort to revive negotiations.",
    "Japan and South Korea agreed to share military intelligence.",
    "Police say they have arrested a suspect in the bombing.",
    "The rebels said they had captured the airport.",
    "Brazil's president criticized the United States for its trade policy.",
    "Authorities banned public gatherings ahead of the vote.",
    "The opposition boycotted the parliamentary elections.",
    "The government blamed Kurdish militants for the blast.",
    "Officials in Kabul said the Taliban had attacked a police station.",
    "Iran threatened to close the Strait of Hormuz if it was attacked.",
    "The president promised to investigate the killings.",
    "Sudan's army and the Rapid Support Forces agreed to a 72-hour truce.",
    "Troops opened fire on protesters, killing at least five people.",
    "The foreign ministers of Russia and China met in Moscow.",
    "Britain summoned the Russian ambassador over the poisoning.",
    "Hungary blocked an EU statement criticizing China.",
    "Greek and Turkish officials held talks on maritime disputes.",
    "The prime minister's office denied the reports.",
    "The leaders of France and Germany called for an immediate ceasefire.",
    "Colombia's government and the ELN rebels resumed peace talks in Havana.",
    "The military junta promised to hold elections next year.",
    "Police in Hong Kong arrested pro-democracy activists.",
    "The Philippines protested the presence of Chinese vessels in its waters.",
    "Washington accused Beijing of cyber attacks on American companies.",
    "The European Commission proposed a ban on Russian oil imports.",
    "Nigerian soldiers rescued 12 hostages from Boko Haram fighters.",
    "The talks will focus on security and trade.",
    "She said Russia's actions were a threat to peace.",
    "He warned that the conflict could spread to neighbouring countries.",
    "Somalia's president appointed a new prime minister.",
    "The two sides signed a memorandum of understanding.",
    "An Israeli airstrike killed a senior commander of Islamic Jihad.",
    "The Kremlin dismissed the accusations as absurd.",
    "The court ordered the release of the journalists.",
    "Tens of thousands of people took to the streets of Tbilisi.",
    "The United Kingdom and France agreed to cooperate on migration.",
    "Venezuelan opposition leader Juan Guaido called for new protests.",
    "Ukrainian forces shot down 30 drones overnight, the air force said.",
    "The minister visited the troops on the front line.",
    "The attack was condemned by the international community.",
    "Police used water cannon against the demonstrators.",
    "The government has rejected the proposal.",
    "Syria's foreign minister arrived in Riyadh for talks.",
    "The bombing killed 15 people and wounded dozens more.",
    "Afghan officials said the talks had been constructive.",
    "The IMF approved a $ 3 billion loan for Egypt.",
    "The World Bank cut its growth forecast for the region.",
    "Iran's supreme leader said the country would never negotiate with the U.S.",
    "A car bomb exploded near a market in Mogadishu.",
    "The protests spread to other cities on Monday.",
    "The president's spokesman declined to comment.",
    "Russia vetoed a UN resolution condemning the annexation.",
    "Israel's defense minister ordered a complete siege of Gaza.",
    "Thailand's parliament elected a new prime minister.",
    "The rebels have demanded a share of oil revenues.",
    "Poland's president said he would sign the law.",
    "The embassy urged its citizens to leave the country immediately.",
    "Police detained the opposition leader at his home.",
    "The agreement calls for the withdrawal of foreign troops.",
    "Myanmar's military has been accused of genocide against the Rohingya.",
    "The foreign ministry said it regretted the decision.",
    "Authorities in Tehran executed two men convicted of spying for Israel.",
    "The United States will provide Ukraine with long-range missiles.",
    "Diplomats said the deal could be signed as early as next week.",
    "The Pentagon said it was monitoring the situation closely.",
    "The governor declared a state of emergency.",
    "Hezbollah fighters fired anti-tank missiles at Israeli positions.",
    "The talks ended without an agreement.",
    "European leaders met in Brussels to discuss energy prices.",
    "A spokesman for the Taliban said the group was ready to negotiate.",
    "The general was killed in a drone strike near Baghdad airport.",
    "Saudi-led coalition aircraft bombed targets in Sanaa.",
    "The president threatened to expel the ambassador.",
    "Police said the gunman had been shot dead.",
    "The National Assembly approved the budget.",
    "Maduro accused the opposition of plotting a coup.",
    "The rebels attacked a convoy carrying food aid.",
    "Workers went on strike demanding higher wages.",
    "The UN Security Council condemned the attacks in the strongest terms.",
    "Cuba released dozens of political prisoners.",
    "The agreement was signed by the foreign ministers of both countries.",
    "Ukraine's president visited Washington to seek more support.",
    "He described the situation as very serious.",
    "Turkey launched air strikes against Kurdish targets in northern Syria and Iraq.",
    "The Afghan government and the Taliban exchanged prisoners.",
    "The president praised the army for its role in restoring order.",
    "The minister said the country is ready to help.",
    "Kim Jong Un oversaw the test of a new missile.",
    "Officials said the death toll had risen to 60.",
    "Protesters set fire to government buildings in the city.",
    "The U.N. special envoy called on all parties to show restraint.",
    "Iraq's prime minister visited Tehran on Wednesday.",
    "The report accused both sides of war crimes.",
    "The junta arrested several ministers of the former government.",
    "It's not clear whether the talks will resume.",
    "They don't want a war, the minister said.",
    "We can't accept these conditions.",
    "The government won't negotiate with terrorists.",
    "The president's decision angered many of his supporters.",
    "Police have charged three men with murder.",
    "The deal includes a prisoner exchange and a ceasefire.",
    "China's foreign ministry spokesman said Beijing firmly opposes the visit.",
    "Japan's prime minister apologized for the remarks.",
    "The bill was passed by a vote of 220 to 210.",
    "Mexico sent troops to the border.",
    "Zelensky thanked Biden for the support.",
    "Lavrov said Moscow was open to dialogue.",
    "The offensive began in the early hours of Thursday.",
    "About 1,500 people have fled their homes.",
    "Nearly 3,000 soldiers were deployed to the region.",
    "The explosion occurred at 10:30 a.m. local time.",
    "In 2019, the two countries broke off diplomatic ties.",
    "The talks are scheduled to take place in Vienna.",
    "Iran says its nuclear program is peaceful.",
    "Critics say the law restricts press freedom.",
    "The army says it killed 40 militants.",
    "He says he will run for president.",
    "The opposition demands new elections.",
    "The government attacks the press every day.",
    "The United States calls on Russia to withdraw its forces.",
    "Israel warns Hezbollah against escalation.",
    "Putin signs law banning foreign funding.",
    "The ministry reported 25 new cases.",
    "Rescue workers pulled survivors from the rubble.",
    "The drone attack damaged a power station.",
    "Police raided the offices of the newspaper.",
    "The summit was hosted by Indonesia.",
    "Azerbaijan launched a military operation in Nagorno-Karabakh.",
    "The Iranian-backed Houthis attacked a commercial ship in the Red Sea.",
    "The decision was welcomed by human rights groups.",
    "Amnesty International accused the police of using excessive force.",
    "A spokeswoman for the State Department said the U.S. was deeply concerned.",
    "The Chinese embassy in London denied the allegations.",
    "South Africa's president called for calm after the riots.",
    "The Ethiopian government and Tigrayan forces signed a peace deal in Pretoria.",
    "Ten people were injured when a grenade exploded.",
    "The Libyan parliament rejected the government's budget.",
    "The Pope called for peace in the Middle East.",
    "The ambassador was summoned to the foreign ministry.",
    "Belarus denied involvement in the plot.",
    "The president vowed to crush the rebellion.",
    "The police chief was fired after the scandal.",
    "Both countries accused each other of violating the truce.",
    "The Senate voted to approve military aid to Israel.",
    "The former president was indicted on corruption charges.",
    "Militants ambushed an army patrol in the Sinai Peninsula.",
    "The UN said 1.2 million people needed food assistance.",
    "The minister welcomed the decision and thanked the mediators.",
    "Fighting erupted again after a brief lull.",
    "Serbia and Kosovo agreed to normalize relations.",
    "The opposition leader was released from prison on Monday.",
    "Dozens of people were arrested in Minsk.",
    "Syrian rebels shelled government-held areas of Aleppo.",
    "The Israeli army said it had struck a Hamas command center.",
    "Chinese and Indian troops clashed in the Himalayas.",
    "The Dutch government apologized for its role in slavery.",
    "The state-run news agency said the talks were productive.",
    "Protesters burned tires and blocked roads.",
    "Russia accused the West of waging a proxy war.",
    "The defense secretary arrived in Seoul for talks.",
    "Iran seized a British-flagged tanker in the Gulf.",
    "The Arab League suspended Syria's membership.",
    "The sanctions target 20 Russian banks.",
    "Gunmen attacked a church in Burkina Faso, killing 15 worshippers.",
    "The U.S. Navy intercepted a shipment of weapons bound for Yemen.",
    "The talks, which began on Monday, are expected to last three days.",
    "The president, who took office in 2020, faces mounting criticism.",
    "Critics, including several senators, have questioned the plan.",
    "The Taliban's supreme leader ordered the closure of schools.",
    "The army's chief of staff resigned.",
    "Security forces killed two suspected militants in Kashmir.",
    "The bombing, which killed 30 people, was claimed by al-Shabaab.",
    "The government has promised to rebuild the damaged homes.",
    "NATO's secretary general said the alliance would defend every inch of its territory.",
    "Sweden and Finland applied to join NATO.",
    "The foreign minister rejected calls for his resignation.",
    "Police clashed with supporters of the jailed opposition leader.",
    "The ceasefire largely held on Sunday.",
    "The EU's top diplomat said the bloc would not recognize the referendum.",
    "He accused the United States of interfering in his country's affairs.",
    "Tensions rose after the arrest of a local politician.",
    "The United Arab Emirates restored ties with Qatar.",
    "Yemen's Houthi rebels seized the vessel.",
    "The rebels' spokesman said they would continue fighting.",
    "The foreign minister will travel to Cairo next week.",
    "It was the deadliest attack in the country since 2015.",
    "The country's election commission postponed the vote.",
    "A bomb killed a police officer in southern Thailand.",
    "China warned the U.S. not to interfere in Hong Kong.",
    "He threatened to use nuclear weapons.",
    "The leaders discussed the situation in Afghanistan.",
    "Hundreds of migrants were rescued off the coast of Libya.",
    "The army denied reports that it had shelled civilian areas.",
    "The United States and the Philippines began joint military exercises.",
    "The court upheld the ban on the opposition party.",
    "Two journalists were killed while covering the fighting.",
    "Venezuela's government freed five Americans.",
    "Police fired rubber bullets at the crowd.",
    "The rebels released 20 hostages.",
    "The minister accused the opposition of spreading lies.",
    "The talks collapsed over the issue of security guarantees.",
    "The president met with the Pope at the Vatican.",
    "Japan lodged a protest with China over the incursion.",
    "A former general was appointed defense minister.",
    "Thousands rallied in support of the government.",
    "The ministry said it would respond to the provocation.",
    "Iran's foreign minister held talks with his Saudi counterpart.",
    "The deal was brokered by Qatar and Egypt.",
    "The United States expressed support for the protesters.",
    "The opposition accuses the government of rigging the vote.",
    "Israeli settlers attacked a Palestinian village.",
    "The US embassy in Baghdad was hit by rockets.",
    "The attack injured 12 soldiers.",
    "Hungary's prime minister Viktor Orban criticized the EU.",
    "The president will address the nation tonight.",
    "Security was tight ahead of the visit.",
    "Despite the warnings, the government went ahead with the plan.",
    "According to the report, more than 2,000 people died in the floods.",
    "Meanwhile, fighting continued in the eastern Donbas region.",
    "However, officials said no decision had been made.",
    "Speaking to reporters, the minister said the talks were \"very useful.\"",
    "Asked about the sanctions, he said they would have no effect.",
    "Earlier this month, the rebels captured two towns.",
    "Last week, the U.S. Treasury Department sanctioned 15 individuals.",
    "On Thursday, police arrested the leader of the group.",
    "After the meeting, both sides issued a joint statement.",
    "The World Health Organization (WHO) declared a global emergency.",
    "The Organization of Petroleum Exporting Countries (OPEC) agreed to cut output.",
    "The vote -- the first since the coup -- was delayed.",
    "The attack, the third this year, killed 11 people.",
    "Russian forces have shelled the city for the 21st consecutive day.",
    "The inflation rate rose to 8.5 % in March.",
    "Oil prices fell 3 % after the announcement.",
    "The company paid $ 50 million to settle the case.",
    "The long-awaited report was published on Monday.",
    "The so-called peace plan was rejected by Kyiv.",
    "A well-known human rights lawyer was arrested.",
    "The anti-government protests entered their third week.",
    "The U.S.-led coalition carried out air strikes.",
    "The 15-member council voted unanimously.",
    "May said Britain would leave the EU.",
    "Theresa May met European leaders in Brussels.",
    "The army may launch a new offensive.",
    "They may not agree to the terms.",
    "Let us know what you think.",
    "The US will not tolerate this.",
    "Some of us believe the talks will fail.",
    "The president calls for unity.",
    "The attack calls into question the ceasefire.",
    "He attacks the opposition in every speech.",
    "The UN demands an end to the violence.",
    "These demands were rejected by the government.",
    "The talks stalled.",
    "Russia talks tough on Ukraine.",
    "His talks with Putin lasted three hours.",
    "The country's economy shrank by 2 % last year.",
    "Police said they found weapons and explosives in the car.",
    "The protesters, mostly students, chanted slogans against the regime.",
    "Obama's visit to Cuba was historic.",
    "The government's response has been criticized.",
    "Biden's administration announced new measures.",
    "The leaders' meeting was cancelled.",
    "North Korean state media said the test was successful.",
    "The Ukrainian army said it had repelled several attacks near Bakhmut.",
    "Palestinian President Mahmoud Abbas condemned the raid.",
    "Iranian Foreign Minister Hossein Amir-Abdollahian arrived in Beirut.",
    "EU foreign policy chief Josep Borrell called the situation alarming.",
    "UN Secretary-General Antonio Guterres urged restraint.",
    "Pakistani Prime Minister Shehbaz Sharif visited Beijing.",
    "The rebels accused government forces of shelling residential areas.",
    "The military said its forces had killed the group's leader.",
    "The talks aimed at ending the war have stalled.",
    "Residents fled as the fighting intensified.",
    "It remains unclear who carried out the attack.",
    "No group has claimed responsibility for the bombing.",
    "There were no immediate reports of casualties.",
    "The Kremlin said on Wednesday that it had no plans to hold talks with Kyiv until its demands were met.",
    "\"This is an act of aggression,\" said a spokesman for the Lebanese army, which has stayed out of the conflict.",
    "Israeli Prime Minister Benjamin Netanyahu vowed to press on with the offensive despite growing international pressure.",
    "At least 12 people were killed and 40 wounded when a car bomb exploded outside a hotel in Mogadishu.",
    "The United Nations human rights office said it had received credible reports of mass killings in Darfur.",
    "Beijing has repeatedly warned Washington against selling weapons to Taiwan, which it claims as its own territory.",
    "Opposition supporters accused the electoral commission of manipulating the count in favour of the ruling party.",
    "Iran's Revolutionary Guards said they had seized a foreign tanker smuggling fuel in the Gulf.",
    "Colombian President Gustavo Petro suspended the ceasefire with the Gulf Clan after attacks on civilians.",
    "The Ukrainian military said Russian troops had launched 80 assaults along the front over the past 24 hours.",
    "Sri Lanka's new president appealed for help from India and China to ease the economic crisis.",
    "Police in Paris detained more than 200 people during a fourth night of rioting.",
    "The agreement, signed in Doha, calls for the release of all hostages held by Hamas.",
    "Germany's chancellor rejected calls to send Taurus cruise missiles to Ukraine.",
    "The African Union suspended Niger after soldiers overthrew President Mohamed Bazoum.",
    "In a statement, the ministry said it \"strongly condemns\" the killing of its citizens.",
    "Several hundred demonstrators gathered outside the U.S. embassy in Baghdad, chanting anti-American slogans.",
    "The leaders of Japan, South Korea and the United States pledged to deepen security cooperation.",
    "A court in Moscow sentenced the opposition politician to 25 years in a maximum security prison.",
    "Ethiopian federal forces and Amhara militia fighters clashed in several towns last week, residents said.",
    "The government announced a three-day period of national mourning for the victims.",
    "Rebels of the M23 group captured a strategic town in eastern Congo on Saturday.",
    "Nicaragua stripped 94 opponents of their citizenship and seized their property.",
    "The Saudi foreign minister arrived in Tehran for the first visit of its kind in seven years.",
    "U.S. Secretary of State Antony Blinken urged both sides to avoid further escalation.",
    "A Palestinian gunman opened fire at a bus stop in Jerusalem, killing three people before he was shot dead.",
    "The military government in Burkina Faso expelled two French journalists.",
    "China's defence ministry said its navy would conduct live-fire drills in the South China Sea.",
    "Pakistan's former prime minister Imran Khan was arrested outside a court in Islamabad.",
    "Negotiators from both sides are expected to meet again in Jeddah next week.",
    "Hungary finally approved Sweden's membership of NATO after months of delay.",
    "The bodies of 27 migrants were recovered off the coast of Tunisia.",
    "The president signed a decree dissolving parliament and calling early elections.",
    "Taliban authorities have banned women from working for the United Nations in Afghanistan.",
    "The rebels accuse the government of failing to implement the 2015 peace agreement.",
    "Four soldiers died when their vehicle hit a roadside bomb in northern Mali.",
    "Russia's foreign ministry summoned the German ambassador to protest against the decision.",
    "Heavy fighting continued on Sunday around the city of Avdiivka.",
    "The Polish government said it would close the border crossing with Belarus.",
    "Demonstrators threw stones and petrol bombs at security forces, who responded with tear gas.",
    "North Korean leader Kim Jong Un said his country would boost its nuclear arsenal.",
    "The talks broke down after the delegation walked out.",
    "The minister told parliament that the country faces a serious threat from extremists.",
    "Syria's government regained control of most of the country with help from Russia and Iran.",
    "The Philippines accused China's coast guard of firing water cannon at its supply boats.",
    "Officials warned that the death toll could rise as rescuers searched the rubble.",
    "About 300 people took part in the march, which passed off peacefully.",
    "Venezuela's National Assembly approved a law creating a new state in the disputed Essequibo region.",
    "The European Parliament voted to condemn the crackdown on journalists in Georgia.",
    "Kenyan police shot dead at least two protesters in Nairobi, a rights group said.",
    "Tunisia's president dismissed the prime minister and suspended parliament.",
    "The U.S. military carried out strikes on Iran-backed militias in Iraq and Syria.",
    "The foreign ministers did not reach an agreement on the wording of the final statement.",
    "Israel's military said it had intercepted a missile fired from Yemen.",
    "Thousands of Armenians fled Nagorno-Karabakh after Azerbaijan retook the region.",
    "The senator called the deal \"a betrayal of our allies.\"",
    "Azerbaijani and Armenian leaders will meet in Brussels on Sunday, the EU said.",
    "A spokesman said the army would investigate the incident.",
    "Myanmar's junta extended the state of emergency for another six months.",
    "The prime minister urged citizens to stay calm and avoid travel to the border areas.",
    "The United States and Britain struck Houthi targets in Yemen overnight.",
    "A senior Hamas official said the group was studying the proposal.",
    "The Bolivian army chief was arrested after a failed coup attempt.",
    "Serbian President Aleksandar Vucic put the army on high alert.",
    "The attackers fled on motorcycles, police said.",
    "The Indian government revoked Kashmir's special status in 2019.",
    "Lithuania expelled three Russian diplomats for activities incompatible with their status.",
    "It is the worst violence in the region in more than a decade.",
    "Mexican authorities found the bodies of six people in a ditch in Guerrero state.",
    "The French president warned that Europe \"could die\" if it did not strengthen its defences.",
    "Egypt and Qatar are trying to broker a new truce in Gaza.",
    "Turkish warplanes struck suspected PKK positions in northern Iraq.",
    "The UN Security Council failed to agree on a resolution calling for a humanitarian pause.",
    "The White House called the attack \"outrageous\" and promised a response.",
    "Ugandan troops killed dozens of ADF rebels in an operation in Congo.",
    "The government's spokesman described the protests as an attempt to destabilize the country.",
    "The ceasefire took effect at midnight but was violated within hours.",
    "Zelensky's chief of staff met with U.S. national security adviser Jake Sullivan.",
    "Nine people were arrested for allegedly planning attacks on Christmas markets.",
    "Haiti's prime minister resigned amid a surge of gang violence.",
    "The Chinese navy tracked and warned away a U.S. destroyer.",
    "The rally was organised by the main opposition party.",
    "Sudanese army chief Abdel Fattah al-Burhan met Egypt's president in Cairo.",
    "Brazilian police raided the homes of allies of former president Jair Bolsonaro.",
    "The delegation left without signing the agreement.",
    "Russia's defence minister visited troops in the occupied Kherson region.",
    "The ruling coalition lost its majority in the election.",
    "The Hong Kong government offered rewards for the arrest of eight activists living abroad.",
    "Gunmen on motorcycles attacked a village in Zamfara state, killing 37 people.",
    "The Kremlin accused Ukraine of trying to kill Putin with drones.",
    "The army chief met the president to discuss the security situation.",
    "It was not immediately clear who was behind the attack.",
    "Police and protesters clashed again on Tuesday night.",
    "The country's top court struck down the law.",
    "The U.N. agency for Palestinian refugees said it would run out of fuel within days.",
    "Japan will boost defence spending to 2 % of GDP by 2027.",
    "The Indonesian navy sank a foreign fishing boat caught in its waters.",
    "Riot police used batons and tear gas to break up the rally.",
    "The two countries have no diplomatic relations and remain technically at war.",
    "Iran denied any involvement in the attack on the tanker.",
    "He called on the international community to impose sanctions on the regime.",
    "The minister's remarks drew sharp criticism from the opposition.",
    "Security forces have detained 1,200 people since the protests began.",
    "The alliance will deploy 4,000 additional troops to its eastern flank.",
    "The government says the reform is needed to avoid bankruptcy.",
    "Protest leaders say they will continue until the president steps down.",
    "The bombing targets included bridges and power plants.",
    "Ukrainian drones struck an oil refinery in Russia's Samara region overnight, a source said.",
    "The Israeli cabinet approved a deal to pause the fighting in exchange for the release of 50 hostages.",
    "China's coast guard boarded a Philippine vessel near the Second Thomas Shoal.",
    "Thousands of farmers blocked roads across France to protest against rising costs.",
    "The Georgian parliament passed the so-called foreign agents law despite mass protests.",
    "Niger's military rulers ordered French troops to leave the country by the end of the year.",
    "The Kenyan president deployed the army to help police deal with the protests.",
    "A Russian court extended the detention of an American journalist accused of spying.",
    "Gunmen stormed a hospital in Port-au-Prince and set part of it on fire.",
    "The Armenian prime minister said his country had frozen its participation in the alliance.",
    "South Korea's president declared martial law in a late-night television address.",
    "Lawmakers voted hours later to lift the decree.",
    "The Iraqi government condemned the U.S. strike as a violation of its sovereignty.",
    "Pakistan carried out air strikes inside Iran, two days after Iran struck targets in Pakistan.",
    "The Taliban government executed a man in public in the southeastern province of Ghazni.",
    "Spain, Ireland and Norway recognised a Palestinian state on Tuesday.",
    "The two Koreas exchanged warning shots along the border.",
    "Mexico's president said he would not allow foreign troops on Mexican soil.",
    "Security forces in Bangladesh opened fire on students demanding an end to job quotas.",
    "The ICC prosecutor requested arrest warrants for the leaders of Israel and Hamas.",
    "The Sudanese army accused the RSF of killing more than 100 villagers in Gezira state.",
    "Polish farmers blocked the border with Ukraine for several weeks.",
    "The Lebanese government called on Hezbollah to avoid dragging the country into war.",
    "Rebel fighters seized the second-largest city of the country after a rapid advance.",
    "Residents said they heard loud explosions throughout the night.",
    "The Chinese foreign minister will visit Australia next week for talks on trade.",
    "Venezuela's electoral council declared Maduro the winner despite opposition claims of fraud.",
    "The Hungarian foreign minister criticised the EU's decision to use frozen Russian assets.",
    "Three Jordanian soldiers were wounded in a clash with smugglers on the Syrian border.",
    "The Pentagon announced a new $ 425 million military aid package for Ukraine.",
    "Police in Dhaka said at least 32 people had died in the clashes.",
    "The Moroccan king pardoned several jailed journalists.",
    "Angry residents burned the house of a local official after the killings.",
    "Peace talks between Sudan's warring parties resumed in Jeddah on Thursday.",
    "Israel's Supreme Court ordered the army to draft ultra-Orthodox men.",
    "A Ukrainian missile strike hit a military airfield in Crimea.",
    "The Nigerian military said it had rescued 137 pupils kidnapped from a school in Kaduna.",
    "The opposition candidate claimed victory and called on supporters to defend the vote.",
    "The prime minister's coalition partners threatened to quit the government.",
    "Trump said he would impose tariffs on goods from Mexico and Canada.",
    "The foreign ministers of the G7 condemned North Korea's missile launches.",
    "The new government pledged to fight corruption and restore the rule of law.",
    "Serbia recalled its ambassador from Montenegro after a row over a resolution.",
    "Dozens of people were injured when police broke up a rally in Tbilisi.",
    "The Ecuadorean army took control of prisons after a wave of violence.",
    "The conflict has displaced more than 10 million people.",
    "The ministry denied reports that the minister had resigned.",
    "Israeli tanks pushed deeper into Rafah on Tuesday.",
    "The sanctions freeze the assets of 12 individuals and three companies.",
    "Iran's president died in a helicopter crash in bad weather.",
    "The visit marks the first trip by a Chinese leader to Europe in five years.",
    "The head of the UN agency warned that the region faces a famine.",
    "Militants killed 14 soldiers in an ambush in northwestern Pakistan.",
    "The coalition accused the opposition of blocking the budget.",
    "Turkey's parliament ratified Sweden's accession to NATO.",
    "Protesters occupied the main square and demanded early elections.",
    "Moscow says the West is prolonging the war by arming Kyiv.",
    "The deal collapsed when both sides refused to compromise.",
    "Georgia's president vetoed the law, but parliament overrode the veto.",
    "The Syrian opposition said it would boycott the talks in Geneva.",
};

/* ---- tokens ---------------------------------------------------------- */

typedef struct sent {
    dy_tok *tok;
    size_t n;
    int *ref;               /* Perl's tags (agreement mode)                 */
} sent;

static char *xstrndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        perror("malloc");
        exit(1);
    }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void set_flags(dy_tok *k, size_t i, int space)
{
    const char *s = k->s;
    int letters = 0, upper = 0, alnum = 0;
    k->flags = 0;
    for (size_t j = 0; j < k->n; j++) {
        unsigned char c = (unsigned char)s[j];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            letters++;
            k->flags |= TOKF_ALPHA;
            if (c >= 'A' && c <= 'Z')
                upper++;
            alnum = 1;
        } else if (c >= '0' && c <= '9') {
            k->flags |= TOKF_DIGIT;
            alnum = 1;
        }
    }
    for (size_t j = 0; j < k->n; j++) {
        unsigned char c = (unsigned char)s[j];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (c <= 'Z')
                k->flags |= TOKF_CAP;
            break;
        }
    }
    if (letters >= 2 && upper == letters)
        k->flags |= TOKF_UPPER;
    if (!alnum && k->n)
        k->flags |= TOKF_PUNCT;
    if (i == 0)
        k->flags |= TOKF_SSTART;
    if (space)
        k->flags |= TOKF_SPACE;
    char *low = xstrndup(s, k->n);
    for (size_t j = 0; j < k->n; j++)
        if (low[j] >= 'A' && low[j] <= 'Z')
            low[j] = (char)(low[j] + 32);
    k->low = low;
    k->nlow = k->n;
}

/* Does a token of this text attach to the previous one (no space)? */
static int attaches(const char *s, size_t n)
{
    static const char *const att[] = {",", ".", ";", ":", "!", "?", ")", "]",
                                      "}", "'s", "'S", "n't", "'re", "'ve",
                                      "'ll", "'d", "'m", "%", "..."};
    for (size_t i = 0; i < DY_ARRAY_LEN(att); i++)
        if (strlen(att[i]) == n && memcmp(att[i], s, n) == 0)
            return 1;
    return 0;
}

static void push_tok(sent *st, size_t *cap, const char *s, size_t n,
                     int space)
{
    if (st->n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        st->tok = realloc(st->tok, *cap * sizeof *st->tok);
        st->ref = realloc(st->ref, *cap * sizeof *st->ref);
        if (!st->tok || !st->ref) {
            perror("realloc");
            exit(1);
        }
    }
    dy_tok *k = &st->tok[st->n];
    memset(k, 0, sizeof *k);
    k->s = xstrndup(s, n);
    k->n = (uint16_t)n;
    set_flags(k, st->n, space);
    st->ref[st->n] = -1;
    st->n++;
}

/* A small Penn-style tokenizer for the speed run. */
static void tokenize(const char *text, sent *st)
{
    size_t cap = 0;
    const char *p = text;
    memset(st, 0, sizeof *st);
    int space = 1;
    while (*p) {
        if (*p == ' ') {
            space = 1;
            p++;
            continue;
        }
        const char *b = p;
        if (*p == '"' || *p == ',' || *p == '(' || *p == ')' || *p == ';' ||
            *p == ':' || *p == '?' || *p == '!' || *p == '$' || *p == '%') {
            p++;
        } else if (*p == '.' && (p[1] == 0 || p[1] == '"' || p[1] == ' ')) {
            p++;
        } else if (*p == '\'' && (p[1] == 's' || p[1] == 'S') &&
                   !((p[2] >= 'a' && p[2] <= 'z'))) {
            p += 2;
        } else if (p[0] == 'n' && p[1] == '\'' && p[2] == 't') {
            p += 3;
        } else {
            while (*p && *p != ' ' && *p != '"' && *p != '(' && *p != ')' &&
                   *p != ';' && *p != '?' && *p != '!' && *p != '%' &&
                   !(*p == ',' && !(p[1] >= '0' && p[1] <= '9')) &&
                   !(*p == ':' && !(p[1] >= '0' && p[1] <= '9')) &&
                   !(*p == '.' && (p[1] == 0 || p[1] == '"' || p[1] == ' ') &&
                     !(p - b == 1 || (p - b >= 2 && p[-2] == '.'))) &&
                   !(*p == '\'' && (p[1] == 's' || p[1] == 'S') &&
                     !(p[2] >= 'a' && p[2] <= 'z')) &&
                   !(p[0] == 'n' && p[1] == '\'' && p[2] == 't'))
                p++;
            if (p == b)
                p++;
        }
        push_tok(st, &cap, b, (size_t)(p - b), space);
        space = 0;
    }
}

static void free_sent(sent *st)
{
    for (size_t i = 0; i < st->n; i++) {
        free((char *)(uintptr_t)st->tok[i].s);
        free((char *)(uintptr_t)st->tok[i].low);
    }
    free(st->tok);
    free(st->ref);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ---- speed ------------------------------------------------------------- */

static int run_speed(const char *dir, double secs)
{
    dy_err err;
    dy_err_clear(&err);
    double lt[9];
    dy_tagger *t = NULL;
    for (int r = 0; r < 9; r++) {
        double t0 = now();
        if (dy_tagger_load(&t, dir, &err)) {
            fprintf(stderr, "tagbench: %s\n", err.msg);
            return 1;
        }
        lt[r] = now() - t0;
        if (r < 8)
            dy_tagger_free(t);
    }
    qsort(lt, 9, sizeof lt[0], cmp_double);
    printf("load: %zu words, min %.2f ms, median %.2f ms\n",
           dy_tagger_words(t), lt[0] * 1e3, lt[4] * 1e3);

    size_t ns = DY_ARRAY_LEN(sentences), ntok = 0;
    sent *ss = calloc(ns, sizeof *ss);
    for (size_t i = 0; i < ns; i++) {
        tokenize(sentences[i], &ss[i]);
        ntok += ss[i].n;
    }
    size_t done = 0, nsent = 0;
    double t0 = now(), el;
    do {
        for (size_t i = 0; i < ns; i++)
            dy_tagger_tag(t, ss[i].tok, ss[i].n);
        done += ntok;
        nsent += ns;
    } while ((el = now() - t0) < secs);
    printf("tag: %zu sentences, %zu tokens in %.2f s: %.2f M tokens/s, "
           "%.0f sentences/s (%.1f ns/token)\n",
           nsent, done, el, done / el / 1e6, nsent / el, el / done * 1e9);

    /* one long "sentence": all of them in a row */
    sent big = {0};
    size_t cap = 0;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < ss[i].n; j++)
            push_tok(&big, &cap, ss[i].tok[j].s, ss[i].tok[j].n,
                     (ss[i].tok[j].flags & TOKF_SPACE) != 0);
    done = 0;
    t0 = now();
    do {
        dy_tagger_tag(t, big.tok, big.n);
        done += big.n;
    } while ((el = now() - t0) < secs / 2);
    printf("tag: one %zu-token sentence: %.2f M tokens/s\n", big.n,
           done / el / 1e6);
    free_sent(&big);
    for (size_t i = 0; i < ns; i++)
        free_sent(&ss[i]);
    free(ss);
    dy_tagger_free(t);
    return 0;
}

/* ---- agreement ----------------------------------------------------- */

static const char perl_script[] =
    "use Lingua::EN::Tagger;\n"
    "my $p = Lingua::EN::Tagger->new;\n"
    "while (<>) {\n"
    "  chomp; next unless /\\S/;\n"
    "  my $t = $p->add_tags($_);\n"
    "  while ($t =~ m{<([a-z]+)>([^<]+)</\\1>}g) { print \"$2\\t$1\\n\"; }\n"
    "  print \"\\n\";\n"
    "}\n";

static int run_agree(const char *dir, const char *file, int verbose)
{
    char sfile[] = "/tmp/tagbench-XXXXXX";
    char tfile[] = "/tmp/tagbench-XXXXXX";
    int fd = mkstemp(sfile);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    FILE *f = fdopen(fd, "w");
    fputs(perl_script, f);
    fclose(f);
    if (!file) {
        fd = mkstemp(tfile);
        if (fd < 0) {
            perror("mkstemp");
            return 1;
        }
        f = fdopen(fd, "w");
        for (size_t i = 0; i < DY_ARRAY_LEN(sentences); i++)
            fprintf(f, "%s\n", sentences[i]);
        fclose(f);
        file = tfile;
    }
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "perl '%s' '%s'", sfile, file);
    FILE *pp = popen(cmd, "r");
    if (!pp) {
        perror("popen");
        return 1;
    }
    size_t cap_s = 0, ns = 0, cap = 0;
    sent *ss = NULL;
    sent cur = {0};
    char line[4096];
    int last_open = 0;
    while (fgets(line, sizeof line, pp)) {
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
            line[--l] = 0;
        if (!l) {
            if (ns == cap_s) {
                cap_s = cap_s ? cap_s * 2 : 64;
                ss = realloc(ss, cap_s * sizeof *ss);
            }
            ss[ns++] = cur;
            memset(&cur, 0, sizeof cur);
            cap = 0;
            last_open = 0;
            continue;
        }
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        const char *w = line;
        int open = 0;
        if (strcmp(w, "``") == 0) {
            w = "\"";
            open = 1;
        } else if (strcmp(w, "''") == 0) {
            w = "\"";
        }
        int space = cur.n == 0 || (!last_open && !attaches(w, strlen(w)) &&
                                   strcmp(line, "''") != 0);
        if (strcmp(w, "(") == 0 || strcmp(w, "$") == 0)
            open = 1;
        push_tok(&cur, &cap, w, strlen(w), space);
        cur.ref[cur.n - 1] = dy_tag_from_lingua(tab + 1, strlen(tab + 1));
        last_open = open;
    }
    int st = pclose(pp);
    unlink(sfile);
    if (file == tfile)
        unlink(tfile);
    free_sent(&cur);
    if (st != 0 || ns == 0) {
        fprintf(stderr, "tagbench: perl -MLingua::EN::Tagger failed\n");
        return 1;
    }
    dy_err err;
    dy_err_clear(&err);
    dy_tagger *t;
    if (dy_tagger_load(&t, dir, &err)) {
        fprintf(stderr, "tagbench: %s\n", err.msg);
        return 1;
    }
    size_t tot = 0, same = 0, sent_same = 0;
    static unsigned conf[T_COUNT][T_COUNT];
    for (size_t i = 0; i < ns; i++) {
        dy_tagger_tag(t, ss[i].tok, ss[i].n);
        int ok = 1;
        for (size_t j = 0; j < ss[i].n; j++) {
            tot++;
            if (ss[i].tok[j].tag == ss[i].ref[j]) {
                same++;
                continue;
            }
            ok = 0;
            if (ss[i].ref[j] >= 0)
                conf[ss[i].ref[j]][ss[i].tok[j].tag]++;
        }
        sent_same += ok;
        if (!ok && verbose) {
            for (size_t j = 0; j < ss[i].n; j++) {
                const dy_tok *k = &ss[i].tok[j];
                if (k->tag == ss[i].ref[j])
                    printf("%.*s/%s ", k->n, k->s, dy_tag_name(k->tag));
                else
                    printf("[%.*s/%s perl:%s] ", k->n, k->s,
                           dy_tag_name(k->tag), dy_tag_name(ss[i].ref[j]));
            }
            printf("\n");
        }
    }
    printf("agreement: %zu / %zu tokens = %.2f%%; %zu / %zu sentences "
           "identical\n", same, tot, 100.0 * same / tot, sent_same, ns);
    printf("differences (perl -> dyad):");
    for (int a = 0; a < T_COUNT; a++)
        for (int b = 0; b < T_COUNT; b++)
            if (conf[a][b])
                printf(" %s->%s:%u", dy_tag_name(a), dy_tag_name(b),
                       conf[a][b]);
    printf("\n");
    for (size_t i = 0; i < ns; i++)
        free_sent(&ss[i]);
    free(ss);
    dy_tagger_free(t);
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *file = NULL;
    int agree = 0, verbose = 0;
    double secs = 2.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            secs = atof(argv[++i]);
        else if (strcmp(argv[i], "--agree") == 0)
            agree = 1;
        else if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (argv[i][0] != '-')
            file = argv[i];
        else {
            fprintf(stderr, "usage: tagbench [-d DIR] [-t SECONDS] "
                            "[--agree [-v] [FILE]]\n");
            return 2;
        }
    }
    return agree ? run_agree(dir, file, verbose) : run_speed(dir, secs);
}
