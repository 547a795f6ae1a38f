<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>actions</name>
    <message>
        <location filename="../../app/model/example_library.py" line="44"/>
        <source>Example: Radford&apos;s six on Beale&apos;s function</source>
        <translation>Exemplo: os seis de Radford na função de Beale</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="46"/>
        <source>Example: Radford&apos;s six in a long valley</source>
        <translation>Exemplo: os seis de Radford num vale longo</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="48"/>
        <source>Example: Radford&apos;s six at a saddle point</source>
        <translation>Exemplo: os seis de Radford num ponto de sela</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="51"/>
        <source>Example: the lecture&apos;s loop on a real network</source>
        <translation>Exemplo: o laço da aula numa rede de verdade</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="55"/>
        <source>Example: 32 seeds of noise settle at theory&apos;s floor</source>
        <translation>Exemplo: 32 sementes de ruído assentam no piso da teoria</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="59"/>
        <source>Example: the network on 32 seeds of minibatches</source>
        <translation>Exemplo: a rede com 32 sementes de minibatches</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="41"/>
        <source>SGD, momentum, NAG, Adagrad, Adadelta and RMSprop side by side: the lecture&apos;s “several weight-update schemes”</source>
        <translation>SGD, momentum, NAG, Adagrad, Adadelta e RMSprop lado a lado: os “vários esquemas de atualização de pesos” da aula</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="52"/>
        <source>A tanh unit&apos;s two weights trained on minibatches by forward and backward passes: SGD and momentum end in mirror-image minima</source>
        <translation>Os dois pesos de uma unidade tanh treinados em minibatches por passos para a frente e para trás: SGD e momentum terminam em mínimos espelhados</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="56"/>
        <source>SGD and momentum under noise on seeds 0–31: the cloud settles into theory&apos;s ellipse, the loss band onto its floor</source>
        <translation>SGD e momento com ruído nas sementes 0–31: a nuvem assenta na elipse da teoria, a faixa da perda no seu piso</translation>
    </message>
    <message>
        <location filename="../../app/model/example_library.py" line="60"/>
        <source>The network&apos;s minibatch race on seeds 0–31: SGD ends in one minimum on every seed, momentum&apos;s cloud splits between both</source>
        <translation>A corrida de minibatches da rede nas sementes 0–31: o SGD termina num mesmo mínimo em todas as sementes, a nuvem do momento divide-se entre os dois</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="60"/>
        <source>Open scenario…</source>
        <extracomment>The playback bar&apos;s buttons, left to right.</extracomment>
        <translation>Abrir cenário…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="65"/>
        <source>Open scenario</source>
        <translation>Abrir cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="69"/>
        <source>Save scenario…</source>
        <translation>Salvar cenário…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="74"/>
        <source>Save scenario</source>
        <translation>Salvar cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="78"/>
        <source>Open lesson…</source>
        <translation>Abrir lição…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="80"/>
        <source>Open a lesson: the shipped ones follow the lecture; a teacher&apos;s own file too</source>
        <translation>Abrir uma lição: as que acompanham o app seguem a aula; também o arquivo do próprio professor</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="86"/>
        <source>Open lesson</source>
        <translation>Abrir lição</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="91"/>
        <source>Export animation…</source>
        <translation>Exportar animação…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="93"/>
        <source>Export GIF, MP4, WebM or PNG frames of this comparison</source>
        <translation>Exportar esta comparação como GIF, MP4, WebM ou quadros PNG</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="96"/>
        <source>Export animation</source>
        <translation>Exportar animação</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="101"/>
        <source>Export trajectories (CSV)…</source>
        <translation>Exportar trajetórias (CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="109"/>
        <source>Save picture (PNG or SVG)…</source>
        <translation>Salvar imagem (PNG ou SVG)…</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="114"/>
        <source>Save picture (PNG / SVG)</source>
        <translation>Salvar imagem (PNG / SVG)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="118"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="128"/>
        <source>Trail</source>
        <translation>Rastro</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="139"/>
        <source>Force arrows (−α·g)</source>
        <translation>Setas de força (−α·g)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="150"/>
        <source>Velocity arrows (p)</source>
        <translation>Setas de velocidade (p)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="161"/>
        <source>Equal axis scaling</source>
        <translation>Mesma escala nos eixos</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="163"/>
        <source>One unit of x as long as one of y: the landscape&apos;s true shape (on by default unless the domain is much longer than it is wide)</source>
        <translation>Uma unidade de x tão longa quanto uma de y: a forma real da paisagem (ligado por padrão, a menos que o domínio seja muito mais longo do que largo)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="175"/>
        <source>Loss plot</source>
        <translation>Gráfico da perda</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="185"/>
        <source>Physics readouts</source>
        <translation>Leituras físicas</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="195"/>
        <source>Update rule with numbers</source>
        <translation>Regra de atualização com números</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="197"/>
        <source>Each pane&apos;s update rule with this step&apos;s numbers put in</source>
        <translation>A regra de atualização de cada painel com os números deste passo</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="202"/>
        <source>Scenario</source>
        <translation>Cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="205"/>
        <source>Parameter map (α, μ)</source>
        <translation>Mapa de parâmetros (α, μ)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="207"/>
        <source>Where momentum helps: every (α, μ) run on this landscape</source>
        <translation>Onde o momentum ajuda: cada execução (α, μ) nesta paisagem</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="213"/>
        <source>Energy and phase portrait</source>
        <translation>Energia e retrato de fase</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="215"/>
        <source>Energy against step and the phase portrait</source>
        <translation>A energia por passo e o retrato de fase</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="221"/>
        <source>Lesson</source>
        <translation>Lição</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="223"/>
        <source>The lesson panel: the lecture&apos;s steps, predict then watch</source>
        <translation>O painel da lição: os passos da aula, prever e depois assistir</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="229"/>
        <source>Overlay: all balls on one plot</source>
        <translation>Sobrepor: todas as bolas num só gráfico</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="231"/>
        <source>Overlay every pane&apos;s ball on one contour plot</source>
        <translation>Sobrepor a bola de cada painel num só gráfico de contorno</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="235"/>
        <source>Overlay all balls on one plot</source>
        <translation>Sobrepor todas as bolas num só gráfico</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="240"/>
        <source>Swarm: {side}×{side} balls, coloured by basin</source>
        <translation>Enxame: {side}×{side} bolas, coloridas por bacia</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="244"/>
        <source>Start a ball from every point of a grid; colour each by the minimum it ends in</source>
        <translation>Soltar uma bola de cada ponto de uma grade; colorir cada uma pelo mínimo onde termina</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="251"/>
        <source>Swarm: a grid of balls coloured by basin</source>
        <translation>Enxame: uma grade de bolas coloridas por bacia</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="255"/>
        <source>Many seeds: {seeds} runs per pane</source>
        <translation>Muitas sementes: {seeds} execuções por painel</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="257"/>
        <source>Run every pane on seeds 0–{last} of its noise or minibatches (the same draws in every pane): a faint cloud, the median path, the loss&apos;s 10–90 % band</source>
        <translation>Executa cada painel nas sementes 0–{last} do seu ruído ou minibatches (os mesmos sorteios em todos os painéis): uma nuvem tênue, o caminho mediano, a faixa de 10–90 % da perda</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="265"/>
        <source>Many seeds: a cloud of runs, median and band</source>
        <translation>Muitas sementes: uma nuvem de execuções, mediana e faixa</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="269"/>
        <source>Set the start point</source>
        <translation>Definir o ponto inicial</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="270"/>
        <source>Shift+click a plot, or drag the ×</source>
        <translation>Shift+clique num gráfico, ou arraste o ×</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="274"/>
        <source>Full screen</source>
        <translation>Tela cheia</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="276"/>
        <source>Fill the screen, for presenting (F11 again to leave)</source>
        <translation>Ocupar a tela inteira, para apresentar (F11 de novo para sair)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="284"/>
        <source>Zoom in</source>
        <translation>Aumentar zoom</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="286"/>
        <source>Larger text, lines, balls and markers, for the back of the room</source>
        <translation>Texto, linhas, bolas e marcadores maiores, para o fundo da sala</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="292"/>
        <source>Zoom out</source>
        <translation>Diminuir zoom</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="300"/>
        <source>Actual size</source>
        <translation>Tamanho normal</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="302"/>
        <source>Zoom back to 100 %</source>
        <translation>Voltar o zoom a 100 %</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="305"/>
        <source>Zoom back to actual size</source>
        <translation>Voltar ao tamanho normal</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="309"/>
        <source>High contrast (projector)</source>
        <translation>Alto contraste (projetor)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="311"/>
        <source>Thicker lines and trails, black labels: for washed-out projectors</source>
        <translation>Linhas e rastros mais grossos, rótulos pretos: para projetores desbotados</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="324"/>
        <location filename="../../app/qt/main_window.py" line="126"/>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="326"/>
        <location filename="../../app/qt/action_table.py" line="329"/>
        <source>Play / pause</source>
        <translation>Reproduzir / pausar</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="333"/>
        <source>Step forward</source>
        <translation>Avançar um passo</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="335"/>
        <source>One step forward, all panes in lockstep</source>
        <translation>Um passo à frente, todos os painéis juntos</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="338"/>
        <source>Step forward (all panes)</source>
        <translation>Avançar um passo (todos os painéis)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="342"/>
        <source>Step back</source>
        <translation>Voltar um passo</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="350"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="352"/>
        <source>Back to step 0</source>
        <translation>Voltar ao passo 0</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="355"/>
        <source>Reset to step 0</source>
        <translation>Reiniciar no passo 0</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="359"/>
        <source>Compute ahead</source>
        <translation>Calcular adiante</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="361"/>
        <source>Compute the run up to step 1,000,000 in the background, so the timeline reaches every step (End again stops)</source>
        <translation>Calcula a execução até o passo 1.000.000 em segundo plano, para a linha do tempo alcançar cada passo (End de novo para)</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="367"/>
        <source>Faster</source>
        <translation>Mais rápido</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="370"/>
        <source>Slower</source>
        <translation>Mais devagar</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="375"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/qt/action_table.py" line="382"/>
        <source>About Momentum Lab</source>
        <translation>Sobre o Momentum Lab</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="50"/>
        <source>{tip} ({keys})</source>
        <extracomment>The table in English, as written (ids, keys and menus are the same in every language).</extracomment>
        <translation>{tip} ({keys})</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="69"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="69"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="70"/>
        <source>&amp;Playback</source>
        <translation>&amp;Reprodução</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="70"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="71"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="76"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../app/qt/actions.py" line="85"/>
        <source>  or  </source>
        <translation>  ou  </translation>
    </message>
</context>
<context>
    <name>analysis</name>
    <message>
        <location filename="../../app/model/analysis.py" line="61"/>
        <source>Nesterov is stable here only for α &lt; {limit} (αλmax &lt; 2(1+μ)/(1+2μ)); at α = {alpha} it will diverge. Lower α to race every pane.</source>
        <translation>O Nesterov só é estável aqui para α &lt; {limit} (αλmax &lt; 2(1+μ)/(1+2μ)); com α = {alpha} ele vai divergir. Diminua α para que todos os painéis entrem na corrida.</translation>
    </message>
</context>
<context>
    <name>docks</name>
    <message>
        <location filename="../../app/qt/docks.py" line="26"/>
        <source>Scenario</source>
        <translation>Cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/docks.py" line="29"/>
        <source>Parameter map (α, μ)</source>
        <translation>Mapa de parâmetros (α, μ)</translation>
    </message>
    <message>
        <location filename="../../app/qt/docks.py" line="33"/>
        <source>Energy and phase portrait</source>
        <translation>Energia e retrato de fase</translation>
    </message>
    <message>
        <location filename="../../app/qt/docks.py" line="37"/>
        <source>Lesson</source>
        <translation>Lição</translation>
    </message>
</context>
<context>
    <name>energy</name>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="37"/>
        <source>λmin eigen-direction</source>
        <extracomment>The phase portrait&apos;s directions (the items&apos; data; :func:`direction_names` says them).</extracomment>
        <translation>direção do autovetor de λmin</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="38"/>
        <source>λmax eigen-direction</source>
        <translation>direção do autovetor de λmax</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="43"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="43"/>
        <source>potential</source>
        <translation>potencial</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="44"/>
        <source>kinetic</source>
        <translation>cinética</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="44"/>
        <source>shadow</source>
        <translation>sombra</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="45"/>
        <source>loss</source>
        <translation>perda</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="101"/>
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="102"/>
        <source>energy / α  (loss units)</source>
        <translation>energia / α  (unidades de perda)</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="67"/>
        <source>The direction the phase portrait follows</source>
        <translation>A direção que o retrato de fase segue</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="68"/>
        <source>phase portrait along</source>
        <translation>retrato de fase ao longo de</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="104"/>
        <source>position along d, from the minimum</source>
        <translation>posição ao longo de d, a partir do mínimo</translation>
    </message>
    <message>
        <location filename="../../app/qt/physics_views_widget.py" line="105"/>
        <source>velocity p along d</source>
        <translation>velocidade p ao longo de d</translation>
    </message>
    <message>
        <location filename="../../app/qt/side_views.py" line="65"/>
        <source>W − W* along {direction}</source>
        <extracomment>What an export can draw beside its panes (the window&apos;s docks of the same names).</extracomment>
        <translation>W − W* ao longo de {direction}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../optimizers/registry.py" line="150"/>
        <source>a number too long to show</source>
        <extracomment>Whose ``beta2`` setting is a smoothing ρ (torch&apos;s ``alpha`` and ``rho``), not a β₂. Whose ``beta2`` setting means something: Adam&apos;s family&apos;s β₂, RMSprop&apos;s and Adadelta&apos;s ρ. Human titles, as the panes and exports show them.</extracomment>
        <translation>um número longo demais para mostrar</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="158"/>
        <source>alpha</source>
        <translation>a taxa de aprendizado α</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="158"/>
        <source>mu</source>
        <translation>o momentum μ</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="159"/>
        <source>mu ramp start</source>
        <translation>o início da rampa de μ</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="160"/>
        <source>mu ramp end</source>
        <translation>o fim da rampa de μ</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="161"/>
        <source>mu ramp length</source>
        <translation>a duração da rampa de μ</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="162"/>
        <source>decay factor</source>
        <translation>o fator de decaimento</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="163"/>
        <source>decay interval</source>
        <translation>o intervalo de decaimento</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="164"/>
        <source>cosine length</source>
        <translation>a duração do cosseno</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="165"/>
        <source>cosine minimum</source>
        <translation>o mínimo do cosseno</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="166"/>
        <source>weight decay</source>
        <translation>decaimento de pesos</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="174"/>
        <source>{name} must be a number, got {value}</source>
        <translation>{name} deve ser um número, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="179"/>
        <source>{name} must be finite, got {value}</source>
        <translation>{name} deve ser um número finito, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="188"/>
        <source>{name} must be a whole number of steps between 1 and {max_steps}, got {value}</source>
        <translation>{name} deve ser um número inteiro de passos entre 1 e {max_steps}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="199"/>
        <source>{name} must be in [0, 1), got {value}</source>
        <translation>{name} deve estar em [0, 1), recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="202"/>
        <source>{name} must be in [0, 1], got {value}</source>
        <translation>{name} deve estar em [0, 1], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="209"/>
        <source>unknown optimizer {name} (choose from {names})</source>
        <translation>otimizador desconhecido {name} (escolha entre {names})</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="213"/>
        <source>alpha must be &gt; 0, got {value}</source>
        <translation>a taxa de aprendizado α deve ser &gt; 0, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="221"/>
        <source>eps must be &gt; 0, got {value}</source>
        <translation>eps deve ser &gt; 0, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="227"/>
        <source>weight decay must be ≥ 0 with alpha × weight decay &lt; 1, got {value}</source>
        <translation>o decaimento de pesos deve ser ≥ 0, com α × decaimento de pesos &lt; 1, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="240"/>
        <source>decay factor must be in (0, 1], got {value}</source>
        <translation>o fator de decaimento deve estar em (0, 1], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="248"/>
        <source>cosine minimum must be in [0, alpha], got {value}</source>
        <translation>o mínimo do cosseno deve estar em [0, α], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../optimizers/registry.py" line="252"/>
        <source>unknown alpha schedule {kind} (choose step or cosine)</source>
        <translation>agenda de α {kind} desconhecida (escolha step ou cosine)</translation>
    </message>
    <message>
        <location filename="../../physics/catalog.py" line="25"/>
        <source>domain applies only to typed expressions, not the built-in {name}</source>
        <translation>o domínio vale só para expressões digitadas, não para a paisagem embutida {name}</translation>
    </message>
    <message>
        <location filename="../../physics/catalog.py" line="30"/>
        <source>unknown landscape {name} (built-ins: {builtins}; or type an expression in x and y)</source>
        <translation>paisagem desconhecida {name} (embutidas: {builtins}; ou digite uma expressão em x e y)</translation>
    </message>
    <message>
        <location filename="../../physics/catalog.py" line="42"/>
        <source>bad landscape expression {text}: {error}</source>
        <translation>expressão de paisagem inválida {text}: {error}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="104"/>
        <source>comprehensions</source>
        <translation>compreensões</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="106"/>
        <source>indexing (&apos;[...]&apos;)</source>
        <translation>indexação (&apos;[...]&apos;)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="107"/>
        <source>comparisons</source>
        <translation>comparações</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="109"/>
        <source>&apos;*&apos; unpacking</source>
        <translation>desempacotamento com &apos;*&apos;</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="110"/>
        <source>tuples (&apos;,&apos;)</source>
        <translation>tuplas (&apos;,&apos;)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="110"/>
        <source>lists</source>
        <translation>listas</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="111"/>
        <source>sets</source>
        <translation>conjuntos</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="111"/>
        <source>dicts</source>
        <translation>dicionários</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="114"/>
        <source>slices</source>
        <translation>fatias</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="163"/>
        <source>expression is too complex (gave up after {seconds} s)</source>
        <translation>expressão complexa demais (desistimos após {seconds} s)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="185"/>
        <source>expression is undefined (division by zero?) at column {column}</source>
        <translation>expressão indefinida (divisão por zero?) na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="188"/>
        <source>expression is not real at column {column}</source>
        <translation>a expressão não é real na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="191"/>
        <location filename="../../physics/expression.py" line="240"/>
        <location filename="../../physics/expression.py" line="254"/>
        <location filename="../../physics/expression.py" line="298"/>
        <source>number too large at column {column}</source>
        <translation>número grande demais na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="199"/>
        <source>complex numbers are not allowed at column {column}</source>
        <translation>números complexos não são permitidos na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="202"/>
        <source>strings are not allowed at column {column}</source>
        <translation>textos entre aspas não são permitidos na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="203"/>
        <source>{value} is not allowed at column {column}</source>
        <translation>{value} não é permitido na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="209"/>
        <source>function &apos;{name}&apos; needs an argument at column {column}, e.g. {name}(x)</source>
        <translation>a função &apos;{name}&apos; precisa de um argumento na coluna {column}, por exemplo {name}(x)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="211"/>
        <source>unknown name &apos;{name}&apos; at column {column} (use x, y, pi, e)</source>
        <translation>nome desconhecido &apos;{name}&apos; na coluna {column} (use x, y, pi, e)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="223"/>
        <source>division by zero at column {column}</source>
        <translation>divisão por zero na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="225"/>
        <source>operator &apos;{operator}&apos; is not allowed at column {column}</source>
        <translation>o operador &apos;{operator}&apos; não é permitido na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="230"/>
        <source>attribute access &apos;.{name}&apos; is not allowed at column {column}</source>
        <translation>o acesso ao atributo &apos;.{name}&apos; não é permitido na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="233"/>
        <source>{what} not allowed at column {column}</source>
        <translation>não é permitido usar {what} na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="239"/>
        <source>not a real number at column {column}</source>
        <translation>não é um número real na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="256"/>
        <source>({base})**({exp}) is undefined at column {column}</source>
        <translation>({base})**({exp}) é indefinido na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="267"/>
        <source>exponent {exponent} too large at column {column} (|exponent| &lt;= {limit})</source>
        <translation>expoente {exponent} grande demais na coluna {column} (|expoente| &lt;= {limit})</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="277"/>
        <source>only named functions can be called, e.g. sin(x) at column {column}</source>
        <translation>só funções com nome podem ser chamadas, por exemplo sin(x), na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="280"/>
        <source>&apos;{name}&apos; is not a function (write {name}*(...)) at column {column}</source>
        <translation>&apos;{name}&apos; não é uma função (escreva {name}*(...)) na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="283"/>
        <source>function &apos;{name}&apos; is not allowed at column {column} (allowed: {functions})</source>
        <translation>a função &apos;{name}&apos; não é permitida na coluna {column} (permitidas: {functions})</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="287"/>
        <source>{name}() takes one plain argument, no keywords or &apos;*&apos; at column {column}</source>
        <translation>{name}() recebe um único argumento simples, sem palavras-chave nem &apos;*&apos;, na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="290"/>
        <source>{name}() takes exactly 1 argument (got {count}) at column {column}</source>
        <translation>{name}() recebe exatamente 1 argumento (recebeu {count}) na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="300"/>
        <source>{name}({value}) is undefined at column {column}</source>
        <translation>{name}({value}) é indefinido na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="318"/>
        <source>expression is too complex (max {limit} parts)</source>
        <translation>expressão complexa demais (máximo de {limit} partes)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="321"/>
        <source>expression is nested too deeply (max depth {limit})</source>
        <translation>expressão aninhada demais (profundidade máxima {limit})</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="330"/>
        <source>syntax error at column {column} (&apos;{bracket}&apos; was never closed)</source>
        <translation>erro de sintaxe na coluna {column} (&apos;{bracket}&apos; nunca foi fechado)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="333"/>
        <source>syntax error at column {column} (unmatched &apos;{bracket}&apos;)</source>
        <translation>erro de sintaxe na coluna {column} (&apos;{bracket}&apos; sem par)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="336"/>
        <source>syntax error at column {column} ({detail})</source>
        <translation>erro de sintaxe na coluna {column} ({detail})</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="338"/>
        <source>syntax error at column {column}</source>
        <translation>erro de sintaxe na coluna {column}</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="344"/>
        <source>expression must be text</source>
        <translation>a expressão deve ser um texto</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="348"/>
        <source>expression is empty</source>
        <translation>a expressão está vazia</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="350"/>
        <source>expression is too long (max {limit} characters)</source>
        <translation>expressão longa demais (máximo de {limit} caracteres)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="354"/>
        <source>character U+{code} at column {column} is not allowed</source>
        <translation>o caractere U+{code} na coluna {column} não é permitido</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="369"/>
        <source>syntax error at column {column} (expression ended too early)</source>
        <translation>erro de sintaxe na coluna {column} (a expressão terminou cedo demais)</translation>
    </message>
    <message>
        <location filename="../../physics/expression.py" line="374"/>
        <source>expression could not be parsed</source>
        <translation>não foi possível analisar a expressão</translation>
    </message>
    <message>
        <location filename="../../physics/expression_landscape.py" line="71"/>
        <source>expression is too complex to differentiate</source>
        <translation>expressão complexa demais para derivar</translation>
    </message>
    <message>
        <location filename="../../physics/expression_landscape.py" line="77"/>
        <source>expression is too complex to differentiate twice</source>
        <translation>expressão complexa demais para derivar duas vezes</translation>
    </message>
    <message>
        <location filename="../../physics/expression_landscape.py" line="179"/>
        <source>bad domain {domain}: need xmin &lt; xmax and ymin &lt; ymax</source>
        <translation>domínio inválido {domain}: é preciso xmin &lt; xmax e ymin &lt; ymax</translation>
    </message>
    <message>
        <location filename="../../physics/expression_landscape.py" line="188"/>
        <source>expression cannot be evaluated ({error})</source>
        <translation>não é possível avaliar a expressão ({error})</translation>
    </message>
    <message>
        <location filename="../../physics/expression_landscape.py" line="191"/>
        <source>expression is not finite anywhere on the domain</source>
        <translation>a expressão não é finita em nenhum ponto do domínio</translation>
    </message>
    <message>
        <location filename="../../physics/gradients.py" line="206"/>
        <source>noise sigma must be a finite number &gt;= 0, got {value}</source>
        <translation>o ruído σ deve ser um número finito &gt;= 0, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../physics/gradients.py" line="212"/>
        <source>seed must be a whole number between 0 and {max_seed}, got {value}</source>
        <translation>a semente deve ser um número inteiro entre 0 e {max_seed}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../physics/gradients.py" line="217"/>
        <source>batch size applies only to the landscapes with data (&apos;regression&apos;, &apos;network&apos;)</source>
        <translation>o tamanho do minibatch só se aplica às paisagens com dados (&apos;regression&apos;, &apos;network&apos;)</translation>
    </message>
    <message>
        <location filename="../../physics/gradients.py" line="222"/>
        <source>batch size must be between 1 and {size}, got {value}</source>
        <translation>o tamanho do minibatch deve estar entre 1 e {size}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="65"/>
        <source>alpha range must satisfy 0 &lt; A0 &lt; A1, got {low}:{high}</source>
        <extracomment>cells × steps: what finishes in a few minutes on a laptop (~95 M ball-steps/s on one core with the outcome rule). A 1,000 × 1,000 grid of 100,000 steps would take 20 minutes. Cells per call of the kernel, between progress reports. Every cell&apos;s noise is drawn per step and shared, so splitting the grid changes no number. (The kernel splits each call again into cache-sized chunks, :data:`physics.batch.CHUNK_BALLS`; it draws the noise once for all the calls.)</extracomment>
        <translation>o intervalo de α deve satisfazer 0 &lt; A0 &lt; A1, recebido {low}:{high}</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="69"/>
        <source>mu range must satisfy 0 &lt;= M0 &lt; M1 &lt;= 1, got {low}:{high}</source>
        <translation>o intervalo de μ deve satisfazer 0 &lt;= M0 &lt; M1 &lt;= 1, recebido {low}:{high}</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="73"/>
        <source>grid must be at least 2x2, got {n_alpha}x{n_mu}</source>
        <translation>a grade deve ser de pelo menos 2x2, recebido {n_alpha}x{n_mu}</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="77"/>
        <source>grid {n_alpha}x{n_mu} has more than {max_cells} cells</source>
        <translation>a grade {n_alpha}x{n_mu} tem mais de {max_cells} células</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="129"/>
        <source>steps must be between 1 and {max_steps}, got {steps}</source>
        <translation>o número de passos deve estar entre 1 e {max_steps}, recebido {steps}</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="134"/>
        <source>grid {n_alpha}x{n_mu} x {steps} steps is {work} ball-steps, over the cap of {cap} (minutes of work): use a smaller grid or fewer steps</source>
        <translation>a grade {n_alpha}x{n_mu} x {steps} passos dá {work} passos de bola, acima do limite de {cap} (minutos de trabalho): use uma grade menor ou menos passos</translation>
    </message>
    <message>
        <location filename="../../physics/sweep.py" line="151"/>
        <source>unknown measure {measure} (choose {measures})</source>
        <translation>medida desconhecida {measure} (escolha {measures})</translation>
    </message>
    <message>
        <location filename="../../app/model/presentation.py" line="79"/>
        <source>zoom must be one of {levels}, got {value}</source>
        <translation>o zoom deve ser um de {levels}, recebido {value}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="36"/>
        <source>1200×500 (two panes, blog)</source>
        <extracomment>The size choice that follows the window rather than naming pixels.</extracomment>
        <translation>1200×500 (dois painéis, blog)</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="43"/>
        <source>PNG frames</source>
        <translation>Quadros PNG</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="57"/>
        <location filename="../../app/qt/export_dialog.py" line="180"/>
        <source>Export animation</source>
        <translation>Exportar animação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="65"/>
        <source>the whole run (up to convergence)</source>
        <translation>a execução inteira (até a convergência)</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="73"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="75"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="86"/>
        <source>the window&apos;s size ({width}×{height})</source>
        <translation>o tamanho da janela ({width}×{height})</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="89"/>
        <source>add the loss plot under the panes</source>
        <translation>adicionar o gráfico da perda abaixo dos painéis</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="91"/>
        <source>light</source>
        <translation>claro</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="92"/>
        <source>dark (slides)</source>
        <translation>escuro (slides)</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="93"/>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="94"/>
        <source>steps</source>
        <translation>passos</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="96"/>
        <source>steps per frame</source>
        <translation>passos por quadro</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="97"/>
        <source>frames per second</source>
        <translation>quadros por segundo</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="98"/>
        <source>size</source>
        <translation>tamanho</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="99"/>
        <source>include</source>
        <translation>incluir</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="100"/>
        <source>background</source>
        <translation>fundo</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="103"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="137"/>
        <source>export format</source>
        <translation>formato de exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="139"/>
        <source>export &quot;whole run&quot; choice</source>
        <translation>escolha &quot;execução inteira&quot; da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="141"/>
        <source>export steps per frame</source>
        <translation>passos por quadro da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="144"/>
        <source>export frames per second</source>
        <translation>quadros por segundo da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="146"/>
        <source>export size</source>
        <translation>tamanho da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="148"/>
        <source>export &quot;loss plot&quot; choice</source>
        <translation>escolha &quot;gráfico da perda&quot; da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="150"/>
        <source>export background</source>
        <translation>fundo da exportação</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="178"/>
        <source>Exporting animation…</source>
        <translation>Exportando animação…</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="179"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="187"/>
        <source>Frame {done} of {total}</source>
        <translation>Quadro {done} de {total}</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="199"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportação cancelada; nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../../app/qt/export_dialog.py" line="200"/>
        <source>Exported {frames} frames to {name}</source>
        <translation>{frames} quadros exportados para {name}</translation>
    </message>
</context>
<context>
    <name>export errors</name>
    <message>
        <location filename="../../app/encoders.py" line="63"/>
        <source>unknown animation format {name} (use {formats})</source>
        <extracomment>An encoding process in a group of its own: a terminal&apos;s Ctrl+C reaches only us.</extracomment>
        <translation>formato de animação desconhecido {name} (use {formats})</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="72"/>
        <source>folder {folder} is not writable</source>
        <translation>a pasta {folder} não permite gravação</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="76"/>
        <source>size {width}x{height} is out of range ({min_width}x{min_height} to {max_width}x{max_height})</source>
        <translation>o tamanho {width}x{height} está fora do intervalo ({min_width}x{min_height} a {max_width}x{max_height})</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="81"/>
        <source>size {width}x{height}: MP4 and WebM need even width and height</source>
        <translation>tamanho {width}x{height}: MP4 e WebM exigem largura e altura pares</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="97"/>
        <source>frame {number} is {shape}, expected ({height}, {width}, 3)</source>
        <translation>o quadro {number} tem forma {shape}, esperado ({height}, {width}, 3)</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="141"/>
        <source>cannot start the video encoder: {reason}</source>
        <translation>não é possível iniciar o codificador de vídeo: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="218"/>
        <source>the video encoder failed: {reason}</source>
        <translation>o codificador de vídeo falhou: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="220"/>
        <source>the video encoder failed (exit status {code})</source>
        <translation>o codificador de vídeo falhou (código de saída {code})</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="241"/>
        <source>no frames to write</source>
        <translation>nenhum quadro para gravar</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="260"/>
        <source>cannot write frames into {folder}: it is a file</source>
        <translation>não é possível gravar quadros em {folder}: é um arquivo</translation>
    </message>
    <message>
        <location filename="../../app/encoders.py" line="305"/>
        <location filename="../../app/model/export_plan.py" line="80"/>
        <source>fps must be between 1 and {limit}, got {value}</source>
        <translation>fps deve estar entre 1 e {limit}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="74"/>
        <source>frames must be between 1 and {limit}, got {value}</source>
        <extracomment>Colours a GIF palette must keep exactly: balls and trails, arrows, black and white.</extracomment>
        <translation>o número de quadros deve estar entre 1 e {limit}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="77"/>
        <source>steps per frame must be between 1 and 10000, got {value}</source>
        <translation>o número de passos por quadro deve estar entre 1 e 10000, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="83"/>
        <source>an export shows the overlay or swarm mode, not both: turn one of them off</source>
        <translation>uma exportação mostra o modo sobreposto ou o modo enxame, não os dois: desligue um deles</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="86"/>
        <source>background must be &apos;light&apos; or &apos;dark&apos;, got {value}</source>
        <translation>o fundo deve ser &apos;light&apos; ou &apos;dark&apos;, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="90"/>
        <source>an export shows the views &apos;map&apos; and &apos;energy&apos; beside its panes, not {value}</source>
        <translation>uma exportação mostra as vistas &apos;map&apos; e &apos;energy&apos; ao lado dos painéis, não {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/export_plan.py" line="94"/>
        <source>the first step must be &gt;= 0, got {value}</source>
        <translation>o primeiro passo deve ser &gt;= 0, recebido {value}</translation>
    </message>
</context>
<context>
    <name>file errors</name>
    <message>
        <location filename="../../app/atomic_file.py" line="44"/>
        <source>the disk is full</source>
        <extracomment>A temporary name keeps at most this much of the target&apos;s name, so that a target whose name is near the filesystem&apos;s limit still has a temporary name that fits.</extracomment>
        <translation>o disco está cheio</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="46"/>
        <source>the file name is too long</source>
        <translation>o nome do arquivo é longo demais</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="54"/>
        <source>cannot write {name}: {reason}</source>
        <translation>não é possível gravar {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="82"/>
        <source>the output file name is empty</source>
        <translation>o nome do arquivo de saída está vazio</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="88"/>
        <source>folder {folder} does not exist</source>
        <translation>a pasta {folder} não existe</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="91"/>
        <source>the file name is longer than {limit} bytes</source>
        <translation>o nome do arquivo tem mais de {limit} bytes</translation>
    </message>
    <message>
        <location filename="../../app/atomic_file.py" line="95"/>
        <source>it is a folder</source>
        <translation>é uma pasta</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../app/qt/file_actions.py" line="45"/>
        <source>Open scenario</source>
        <translation>Abrir cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="46"/>
        <source>Momentum Lab scenarios (*.toml);;All files (*)</source>
        <translation>Cenários do Momentum Lab (*.toml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="69"/>
        <source>Cannot open scenario</source>
        <translation>Não foi possível abrir o cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="78"/>
        <source>Save scenario</source>
        <translation>Salvar cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="79"/>
        <source>Momentum Lab scenarios (*.toml)</source>
        <translation>Cenários do Momentum Lab (*.toml)</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="84"/>
        <source>Saved {path}</source>
        <translation>Salvo em {path}</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="104"/>
        <source>Export animation</source>
        <translation>Exportar animação</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="105"/>
        <source>Animation (*{suffix})</source>
        <translation>Animação (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="121"/>
        <source>Export trajectories</source>
        <translation>Exportar trajetórias</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="135"/>
        <source>Wrote {steps} steps of {panes} panes to {path}</source>
        <translation>{steps} passos de {panes} painéis gravados em {path}</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="139"/>
        <source>Save picture</source>
        <translation>Salvar imagem</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="140"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Imagem PNG (*.png);;Desenho SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="150"/>
        <source>cannot save {path}: use .png or .svg</source>
        <translation>não é possível salvar {path}: use .png ou .svg</translation>
    </message>
    <message>
        <location filename="../../app/qt/file_actions.py" line="158"/>
        <source>Saved the picture to {path}</source>
        <translation>Imagem salva em {path}</translation>
    </message>
</context>
<context>
    <name>landscapes</name>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="15"/>
        <source>Ravine (steep across, shallow along)</source>
        <translation>Ravina (íngreme na vertical, rasa na horizontal)</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="16"/>
        <source>Rotated quadratic (λ = 1, 100 at 45°)</source>
        <translation>Quadrática girada (λ = 1, 100 a 45°)</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="17"/>
        <source>Rosenbrock&apos;s banana</source>
        <translation>Banana de Rosenbrock</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="18"/>
        <source>Beale&apos;s function</source>
        <translation>Função de Beale</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="19"/>
        <source>Himmelblau&apos;s function (four minima)</source>
        <translation>Função de Himmelblau (quatro mínimos)</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="20"/>
        <source>Saddle</source>
        <translation>Sela</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="21"/>
        <source>Rastrigin (many local minima)</source>
        <translation>Rastrigin (muitos mínimos locais)</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="22"/>
        <source>Booth&apos;s function</source>
        <translation>Função de Booth</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="23"/>
        <source>Six-hump camel</source>
        <translation>Camelo de seis corcovas</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="24"/>
        <source>Bowl with a local and a global minimum</source>
        <translation>Tigela com um mínimo local e um global</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="25"/>
        <source>Linear regression on 64 points (w, b)</source>
        <translation>Regressão linear em 64 pontos (w, b)</translation>
    </message>
    <message>
        <location filename="../../app/model/landscape_titles.py" line="26"/>
        <source>A tanh unit&apos;s two weights on 64 points (w, v)</source>
        <translation>Os dois pesos de uma unidade tanh em 64 pontos (w, v)</translation>
    </message>
</context>
<context>
    <name>lesson</name>
    <message>
        <location filename="../../app/qt/lesson_player.py" line="93"/>
        <source>Open lesson</source>
        <translation>Abrir lição</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_player.py" line="94"/>
        <source>Momentum Lab lessons (*.toml);;All files (*)</source>
        <translation>Lições do Momentum Lab (*.toml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="77"/>
        <source>The lessons that follow the lecture, in order</source>
        <translation>As lições que seguem a aula, em ordem</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="98"/>
        <source>Predict first</source>
        <translation>Preveja primeiro</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="105"/>
        <source>Watch</source>
        <translation>Assistir</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="106"/>
        <source>Play the run and compare it with your prediction</source>
        <translation>Reproduzir a execução e compará-la com a sua previsão</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="109"/>
        <source>Watch without predicting</source>
        <translation>Assistir sem prever</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="119"/>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="120"/>
        <source>Next ▶</source>
        <translation>Próximo ▶</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="123"/>
        <source>Close lesson</source>
        <translation>Fechar lição</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="134"/>
        <source>Choose a lesson…</source>
        <translation>Escolha uma lição…</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="152"/>
        <source>Step {number} of {count}</source>
        <translation>Passo {number} de {count}</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="166"/>
        <source>Sketch the path you expect on pane {pane}: press, drag, release.</source>
        <translation>Desenhe a trajetória que você espera no painel {pane}: pressione, arraste, solte.</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="168"/>
        <source>Pick the answer you expect:</source>
        <translation>Escolha a resposta que você espera:</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="198"/>
        <source>Right: the run shows it.</source>
        <translation>Certo: a execução mostra isso.</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="201"/>
        <source>The run shows: {answer}</source>
        <translation>A execução mostra: {answer}</translation>
    </message>
    <message>
        <location filename="../../app/qt/lesson_widget.py" line="204"/>
        <source>Your prediction is the dashed line: compare it with the trail.</source>
        <translation>A sua previsão é a linha tracejada: compare-a com o rastro.</translation>
    </message>
</context>
<context>
    <name>lesson errors</name>
    <message>
        <location filename="../../app/model/lesson_file.py" line="78"/>
        <source>{where} must be text or a table like {{ en = &quot;…&quot;, pt = &quot;…&quot; }}, got {value}</source>
        <extracomment>What ``unset`` may take back to its default (the rest every scenario needs). Playback speeds a step may ask for (steps per second), as the playback bar allows.</extracomment>
        <translation>{where} deve ser um texto ou uma tabela como {{ en = &quot;…&quot;, pt = &quot;…&quot; }}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="83"/>
        <source>{where}: unknown language {code} (known: {known})</source>
        <translation>{where}: idioma desconhecido {code} (conhecidos: {known})</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="87"/>
        <source>{where}.{code} must be some text, got {value}</source>
        <translation>{where}.{code} deve conter algum texto, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="91"/>
        <source>{where}.{code} is too long (max {limit} characters)</source>
        <translation>{where}.{code} é longo demais (máx. {limit} caracteres)</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="107"/>
        <source>scenario must be a table, got {value}</source>
        <translation>scenario deve ser uma tabela, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="113"/>
        <source>scenario: {problem}</source>
        <translation>cenário: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="115"/>
        <source>format belongs at the top of the lesson, not here</source>
        <translation>format fica no início da lição, não aqui</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="126"/>
        <source>must be a [[step]] table, got {value}</source>
        <translation>deve ser uma tabela [[step]], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="137"/>
        <source>unset must be a list of {keys}, got {value}</source>
        <translation>unset deve ser uma lista de {keys}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="146"/>
        <source>choices must be a list of 2 to {limit} texts, got {value}</source>
        <translation>choices deve ser uma lista de 2 a {limit} textos, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="149"/>
        <source>choice {number}</source>
        <translation>alternativa {number}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="152"/>
        <source>choices need a question</source>
        <translation>choices exige uma question</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="154"/>
        <source>answer is missing (which choice is right, 1 = the first)</source>
        <translation>falta answer (qual alternativa é a certa, 1 = a primeira)</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="157"/>
        <source>answer needs choices</source>
        <translation>answer exige choices</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="160"/>
        <source>give pause_at or play, not both</source>
        <translation>use pause_at ou play, não os dois</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="165"/>
        <source>play must be true or false, got {value}</source>
        <translation>play deve ser true ou false, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="171"/>
        <source>show must be a list of {views}, got {value}</source>
        <translation>show deve ser uma lista de {views}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="183"/>
        <location filename="../../app/model/lesson_file.py" line="218"/>
        <source>lesson file</source>
        <translation>arquivo de lição</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="184"/>
        <source>lesson</source>
        <translation>arquivo de lição</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="189"/>
        <source>[scenario] is missing: the first step&apos;s scenario</source>
        <translation>falta [scenario]: o cenário do primeiro passo</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="193"/>
        <source>a lesson needs 1 to {limit} [[step]] tables</source>
        <translation>uma lição precisa de 1 a {limit} tabelas [[step]]</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_file.py" line="200"/>
        <source>step {number}: {problem}</source>
        <translation>passo {number}: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/model/lesson_library.py" line="39"/>
        <source>no lesson called {name} (known: {known})</source>
        <translation>nenhuma lição chamada {name} (conhecidas: {known})</translation>
    </message>
</context>
<context>
    <name>loss</name>
    <message>
        <location filename="../../app/model/loss_curves.py" line="94"/>
        <source>shaded: {low}–{high} % of the {seeds} seeds</source>
        <extracomment>Many seeds: the band&apos;s lower and upper edge at ``steps``, each ``(steps, panes)`` (thinned: each bin&apos;s lowest 10th and highest 90th percentile); None otherwise. Many seeds: per pane, theory&apos;s long-run mean ``E[L − L_min]`` under the noise (:func:`app.model.noise_floor.noise_floor`; None where no theory applies). Block sizes of the extremes kept for a long history: each level&apos;s blocks are 16 of the level below, so a drawing over k steps reads at most ~16·columns numbers. The band many seeds draw around their median: these percentiles over the seeds.</extracomment>
        <translation>sombreado: {low}–{high} % das {seeds} sementes</translation>
    </message>
    <message>
        <location filename="../../app/model/loss_curves.py" line="202"/>
        <source>loss L</source>
        <translation>perda L</translation>
    </message>
    <message>
        <location filename="../../app/model/loss_curves.py" line="207"/>
        <source>median {quantity}</source>
        <translation>{quantity} mediana</translation>
    </message>
    <message>
        <location filename="../../app/model/loss_curves.py" line="209"/>
        <source>median {quantity} over the swarm</source>
        <translation>mediana de {quantity} no enxame</translation>
    </message>
    <message>
        <location filename="../../app/model/loss_curves.py" line="211"/>
        <source>{quantity} (log)</source>
        <translation>{quantity} (log)</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <location filename="../../app/model/map_picture.py" line="73"/>
        <source>bright = fewer steps to converge</source>
        <translation>claro = menos passos até convergir</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="75"/>
        <source>bright = lower loss at the end</source>
        <translation>claro = perda menor no fim</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="77"/>
        <source>bright = diverges late or never</source>
        <translation>claro = diverge tarde ou nunca</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="78"/>
        <source>grey: not converged; dark red: diverged.</source>
        <translation>cinza: não convergiu; vermelho-escuro: divergiu.</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="82"/>
        <source>Best: α={alpha}, μ={mu} ({value} steps).</source>
        <translation>Melhor: α={alpha}, μ={mu} ({value} passos).</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="84"/>
        <source>Best: α={alpha}, μ={mu} ({value} loss).</source>
        <translation>Melhor: α={alpha}, μ={mu} (perda {value}).</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="88"/>
        <source>Theory&apos;s optimum α*={alpha}, μ*={mu}, rate {rate}.</source>
        <translation>Ótimo da teoria: α*={alpha}, μ*={mu}, taxa {rate}.</translation>
    </message>
    <message>
        <location filename="../../app/model/map_picture.py" line="92"/>
        <source>The pane&apos;s run (α={alpha}, μ={mu}) contracts by {rate} a step; theory says {theory}.</source>
        <translation>A trajetória do painel (α={alpha}, μ={mu}) se contrai por um fator {rate} a cada passo; a teoria diz {theory}.</translation>
    </message>
    <message>
        <location filename="../../app/qt/map_picture.py" line="24"/>
        <source>{landscape}: {measure} after {steps} steps, every (α, μ)</source>
        <translation>{landscape}: {measure} após {steps} passos, para cada (α, μ)</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="33"/>
        <source>steps to tol</source>
        <translation>passos até a tolerância</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="34"/>
        <source>final loss</source>
        <translation>perda final</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="35"/>
        <source>divergence</source>
        <translation>divergência</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="56"/>
        <source>α (log scale)</source>
        <translation>α (escala logarítmica)</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="57"/>
        <source>μ   (μ = 0: plain SGD)</source>
        <translation>μ   (μ = 0: SGD simples)</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="66"/>
        <source>critical damping, λmin</source>
        <translation>amortecimento crítico, λmin</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="68"/>
        <source>critical damping, λmax</source>
        <translation>amortecimento crítico, λmax</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="71"/>
        <source>theory&apos;s optimum (α*, μ*)</source>
        <translation>ótimo da teoria (α*, μ*)</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="73"/>
        <source>best cell measured</source>
        <translation>melhor célula medida</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="76"/>
        <source>the pane&apos;s (α, μ)</source>
        <translation>(α, μ) do painel</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="87"/>
        <source>stability edge {formula}</source>
        <translation>limite de estabilidade {formula}</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="172"/>
        <source>What each cell shows</source>
        <translation>O que cada célula mostra</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="176"/>
        <source> steps</source>
        <translation> passos</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="178"/>
        <source>measure</source>
        <translation>medida</translation>
    </message>
    <message>
        <location filename="../../app/qt/parameter_map_widget.py" line="184"/>
        <location filename="../../app/qt/parameter_map_widget.py" line="230"/>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
</context>
<context>
    <name>overlay</name>
    <message>
        <location filename="../../app/qt/overlay_widget.py" line="17"/>
        <location filename="../../app/qt/overlay_widget.py" line="31"/>
        <source>All panes on one landscape</source>
        <translation>Todos os painéis em uma só paisagem</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../app/qt/pane_widget.py" line="125"/>
        <source>Show this pane as a 3-D surface with the ball rolling on it</source>
        <extracomment>About the longest state line a ball&apos;s readout shows (app.model.readouts.pane_readout).</extracomment>
        <translation>Mostrar este painel como uma superfície 3-D com a bola rolando sobre ela</translation>
    </message>
    <message>
        <location filename="../../app/qt/pane_widget.py" line="215"/>
        <source>Unavailable: {problem}</source>
        <translation>Indisponível: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/qt/pane_widget.py" line="216"/>
        <source>3-D view unavailable: {problem}. The 2-D view stays.</source>
        <translation>Vista 3-D indisponível: {problem}. A vista 2-D permanece.</translation>
    </message>
</context>
<context>
    <name>playback</name>
    <message>
        <location filename="../../app/qt/playback_bar.py" line="19"/>
        <source>Playback</source>
        <translation>Reprodução</translation>
    </message>
    <message>
        <location filename="../../app/qt/playback_bar.py" line="28"/>
        <source>Scrub through the computed steps</source>
        <translation>Percorrer os passos já calculados</translation>
    </message>
    <message>
        <location filename="../../app/qt/playback_bar.py" line="33"/>
        <source>Playback speed, {low} to {high} steps per second ( [ and ] )</source>
        <translation>Velocidade de reprodução, de {low} a {high} passos por segundo ( [ e ] )</translation>
    </message>
    <message>
        <location filename="../../app/qt/playback_bar.py" line="64"/>
        <source> step/s</source>
        <translation> passo/s</translation>
    </message>
    <message>
        <location filename="../../app/qt/playback_bar.py" line="65"/>
        <source> steps/s</source>
        <translation> passos/s</translation>
    </message>
</context>
<context>
    <name>plot</name>
    <message>
        <location filename="../../app/qt/landscape_plot.py" line="66"/>
        <source>Start point: drag it, or Shift+click anywhere, to start there</source>
        <extracomment>Pixels for the y axis&apos;s tick labels (&quot;−2.5&quot;, &quot;100&quot;): wide enough for four characters.</extracomment>
        <translation>Ponto inicial: arraste-o, ou Shift+clique em qualquer lugar, para começar ali</translation>
    </message>
    <message>
        <location filename="../../app/qt/loss_plot_widget.py" line="73"/>
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <location filename="../../app/qt/loss_band.py" line="62"/>
        <source>noise floor (theory)</source>
        <translation>piso do ruído (teoria)</translation>
    </message>
</context>
<context>
    <name>presenter</name>
    <message>
        <location filename="../../app/qt/presenter.py" line="60"/>
        <source>Zoom {percent} %, high contrast</source>
        <extracomment>The property holding a widget&apos;s own font size at zoom 1 (points). The property holding the zoom a plot&apos;s legends and ticks were last drawn at.</extracomment>
        <translation>Zoom {percent} %, alto contraste</translation>
    </message>
    <message>
        <location filename="../../app/qt/presenter.py" line="62"/>
        <source>Zoom {percent} %</source>
        <translation>Zoom {percent} %</translation>
    </message>
</context>
<context>
    <name>readouts</name>
    <message>
        <location filename="../../app/model/readouts.py" line="64"/>
        <source>running</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="66"/>
        <source>stalled at step {step} (saddle)</source>
        <translation>estagnou no passo {step} (sela)</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="68"/>
        <source>stalled at step {step} (plateau)</source>
        <translation>estagnou no passo {step} (platô)</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="70"/>
        <source>stalled at step {step} (balanced on a saddle)</source>
        <translation>estagnou no passo {step} (equilibrada numa sela)</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="73"/>
        <source>left the domain at step {step}</source>
        <translation>saiu do domínio no passo {step}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="75"/>
        <source>converged at step {step}</source>
        <translation>convergiu no passo {step}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="76"/>
        <source>diverged at step {step}</source>
        <translation>divergiu no passo {step}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="86"/>
        <source>flat</source>
        <translation>plano</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="87"/>
        <source>overdamped</source>
        <translation>superamortecido</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="88"/>
        <source>critical</source>
        <translation>criticamente amortecido</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="89"/>
        <source>ripples</source>
        <translation>sub-amortecido</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="90"/>
        <source>flipping</source>
        <translation>em zigue-zague</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="91"/>
        <source>repelling</source>
        <translation>repulsivo</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="92"/>
        <source>divergent</source>
        <translation>divergente</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="98"/>
        <source>step {step}</source>
        <translation>passo {step}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="121"/>
        <source>loss {loss}</source>
        <translation>perda {loss}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="133"/>
        <source>Adaptive rule: each coordinate&apos;s step is rescaled, so there is no fixed friction or force.</source>
        <translation>Regra adaptativa: o passo de cada coordenada é reescalado, então não há atrito nem força fixos.</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="144"/>
        <source>friction 1−μ {friction}</source>
        <translation>atrito 1−μ {friction}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="145"/>
        <source>viscosity η {viscosity}</source>
        <translation>viscosidade η {viscosity}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="146"/>
        <source>force −{alpha}∇L</source>
        <translation>força −{alpha}∇L</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="147"/>
        <source>effective step α/(1−μ) {step}</source>
        <translation>passo efetivo α/(1−μ) {step}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="149"/>
        <source>half-life {steps}</source>
        <translation>meia-vida {steps}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="150"/>
        <source>KE {energy}</source>
        <translation>EC {energy}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="151"/>
        <source>PE {energy}</source>
        <translation>EP {energy}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="152"/>
        <source>{regime} here</source>
        <translation>{regime} aqui</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="168"/>
        <location filename="../../app/model/readouts.py" line="243"/>
        <source>converged {count} / {balls}</source>
        <translation>convergiram {count} / {balls}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="170"/>
        <source>diverged {count}</source>
        <translation>divergiram {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="172"/>
        <source>left the domain {count}</source>
        <translation>saíram do domínio {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="179"/>
        <location filename="../../app/model/readouts.py" line="241"/>
        <source>median loss {loss}</source>
        <translation>perda mediana {loss}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="186"/>
        <source>seeds 0–{last}, the same draws in every pane</source>
        <translation>sementes 0–{last}, os mesmos sorteios em todos os painéis</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="191"/>
        <source>noise floor E[L − L_min] {floor} (theory), seeds&apos; mean {mean}</source>
        <translation>piso do ruído E[L − L_min] {floor} (teoria), média das sementes {mean}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="206"/>
        <source>minimum {number}: {count}</source>
        <translation>mínimo {number}: {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="209"/>
        <source>elsewhere: {count}</source>
        <translation>em outro lugar: {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="211"/>
        <source>diverged: {count}</source>
        <translation>divergiram: {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="213"/>
        <source>left the domain: {count}</source>
        <translation>saíram do domínio: {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="214"/>
        <source>{balls} balls end in — {places}</source>
        <translation>{balls} bolas terminam em — {places}</translation>
    </message>
    <message>
        <location filename="../../app/model/readouts.py" line="262"/>
        <source>step {step} / {steps}</source>
        <translation>passo {step} / {steps}</translation>
    </message>
</context>
<context>
    <name>remembered</name>
    <message>
        <location filename="../../app/qt/remembered.py" line="53"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="55"/>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="57"/>
        <source>a list</source>
        <translation>uma lista</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="59"/>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="60"/>
        <source>a {type}</source>
        <translation>um valor {type}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="82"/>
        <source>not text but {kind}</source>
        <translation>não é texto, e sim {kind}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="96"/>
        <source>not bytes but {kind}</source>
        <translation>não são bytes, e sim {kind}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="98"/>
        <source>not a geometry Qt can restore</source>
        <translation>não é uma geometria que o Qt consiga restaurar</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="134"/>
        <source>the window cannot show it: {why}</source>
        <translation>a janela não consegue mostrá-lo: {why}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="145"/>
        <source>scenario</source>
        <translation>cenário</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="146"/>
        <source>window geometry</source>
        <translation>geometria da janela</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="152"/>
        <source>{earlier} and {next}</source>
        <translation>{earlier} e {next}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="154"/>
        <source>Discarded the remembered {items}; starting on the default scenario</source>
        <translation>Descartado da sessão anterior: {items}; começando no cenário padrão</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="156"/>
        <source>Discarded the remembered {items}</source>
        <translation>Descartado da sessão anterior: {items}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="177"/>
        <source>not a whole number from {low} to {high} but {value}</source>
        <translation>não é um número inteiro de {low} a {high}, e sim {value}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="190"/>
        <source>not true or false but {value}</source>
        <translation>não é true nem false, e sim {value}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="200"/>
        <source>not one of {options} but {value}</source>
        <translation>não está entre {options}, e sim {value}</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="240"/>
        <source>playback speed</source>
        <translation>velocidade de reprodução</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="245"/>
        <source>&quot;same α&quot; choice</source>
        <translation>escolha &quot;mesmo α&quot;</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="251"/>
        <source>zoom</source>
        <translation>zoom</translation>
    </message>
    <message>
        <location filename="../../app/qt/remembered.py" line="252"/>
        <source>high-contrast choice</source>
        <translation>escolha de alto contraste</translation>
    </message>
</context>
<context>
    <name>rule</name>
    <message>
        <location filename="../../app/model/rule_text.py" line="38"/>
        <source>Plain gradient descent, the seed&apos;s x += −learning_rate·dx.</source>
        <extracomment>``(formula lines, number lines)`` of each rule when its numbers are shown.</extracomment>
        <translation>Descida de gradiente simples, o x += −learning_rate·dx da aula.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="40"/>
        <source>Heavy ball in the seed&apos;s form (p is the velocity, p⁽⁰⁾ = 0); torch&apos;s v ← μv + g, W ← W − αv is the same path only for a constant α.</source>
        <translation>Bola pesada na forma da aula (p é a velocidade, p⁽⁰⁾ = 0); o v ← μv + g, W ← W − αv do torch só segue a mesma trajetória com α constante.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="44"/>
        <source>Nesterov in the seed&apos;s notation (Sutskever et al. 2013): the gradient is taken at the look-ahead W + μp; torch&apos;s nesterov=True tracks W + μp itself.</source>
        <translation>Nesterov na notação da aula (Sutskever et al. 2013): o gradiente é tomado no ponto adiantado W + μp; o nesterov=True do torch acompanha o próprio W + μp.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="48"/>
        <source>torch.optim.Adam: bias-corrected moments, ε added after the square root.</source>
        <translation>torch.optim.Adam: momentos com correção de viés, ε somado depois da raiz quadrada.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="51"/>
        <source>torch.optim.RMSprop (not centered, no momentum); ρ is torch&apos;s alpha.</source>
        <translation>torch.optim.RMSprop (não centrado, sem momentum); ρ é o alpha do torch.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="54"/>
        <source>torch.optim.Adagrad (no lr decay, accumulator starting at 0).</source>
        <translation>torch.optim.Adagrad (sem decaimento de lr, acumulador começando em 0).</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="56"/>
        <source>torch.optim.Adadelta: u is the running average of the steps&apos; Δ², which gives the step its units; ρ is torch&apos;s rho.</source>
        <translation>torch.optim.Adadelta: u é a média móvel dos Δ² dos passos, que dá ao passo as suas unidades; ρ é o rho do torch.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="59"/>
        <source>torch.optim.AdamW: Adam, and the weights shrunk by αλ of themselves each step, outside the moments.</source>
        <translation>torch.optim.AdamW: Adam, e os pesos encolhidos em αλ de si mesmos a cada passo, fora dos momentos.</translation>
    </message>
    <message>
        <location filename="../../app/model/rule_text.py" line="62"/>
        <source>torch.optim.NAdam: Nesterov&apos;s look-ahead in Adam&apos;s first moment, μₖ = β₁(1 − ½·0.96^(0.004·k)), Πₖ = μ₁⋯μₖ.</source>
        <translation>torch.optim.NAdam: a antecipação de Nesterov no primeiro momento do Adam, μₖ = β₁(1 − ½·0.96^(0.004·k)), Πₖ = μ₁⋯μₖ.</translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="126"/>
        <source>seed {seed}: </source>
        <translation>semente {seed}: </translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="224"/>
        <source>t = {step}: {status}. The ball stays at {position}; no rule moves it now.</source>
        <translation>t = {step}: {status}. A bola fica em {position}; nenhuma regra a move agora.</translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="227"/>
        <source>t = {step}: {status}. This update&apos;s W was not finite or ran away; the ball stays at {position}.</source>
        <translation>t = {step}: {status}. O W desta atualização não era finito ou disparou; a bola fica em {position}.</translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="230"/>
        <source>t = {step}: {status}. This update took the ball out, still descending; it stays at {position}.</source>
        <translation>t = {step}: {status}. Esta atualização levou a bola para fora, ainda descendo; ela fica em {position}.</translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="237"/>
        <source>t = {step}: the run ends here; its history is full (the memory cap).</source>
        <translation>t = {step}: a execução termina aqui; o histórico está cheio (o limite de memória).</translation>
    </message>
    <message>
        <location filename="../../app/model/update_rule.py" line="239"/>
        <source>t = {step}: step {next} is not computed yet.</source>
        <translation>t = {step}: o passo {next} ainda não foi calculado.</translation>
    </message>
    <message>
        <location filename="../../app/qt/update_rule_widget.py" line="248"/>
        <source>Squares, roots and quotients are per coordinate; numbers to 3 significant digits.</source>
        <translation>Quadrados, raízes e quocientes são por coordenada; números com 3 algarismos significativos.</translation>
    </message>
</context>
<context>
    <name>scenario</name>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="59"/>
        <source>Custom expression…</source>
        <translation>Expressão personalizada…</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="60"/>
        <source>The loss surface the balls roll on</source>
        <translation>A superfície de perda sobre a qual as bolas rolam</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="63"/>
        <source>e.g. 0.5*(x**2 + 100*y**2)  or  sin(x) + y^2</source>
        <translation>ex.: 0.5*(x**2 + 100*y**2)  ou  sin(x) + y^2</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="64"/>
        <source>An expression in x and y: numbers, + - * / ** ^, sin cos tan exp log sqrt abs tanh …, pi, e. Numbers use a decimal point: 0.5. Enter runs it, Escape puts back the one that runs.</source>
        <translation>Uma expressão em x e y: números, + - * / ** ^, sin cos tan exp log sqrt abs tanh …, pi, e. Números usam ponto decimal: 0.5. Enter a executa; Escape volta à expressão em execução.</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="74"/>
        <source>Start x (or Shift+click a pane). Numbers use a decimal point: 0.5</source>
        <translation>x inicial (ou Shift+clique em um painel). Números usam ponto decimal: 0.5</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="76"/>
        <source>Start y (or Shift+click a pane). Numbers use a decimal point: 0.5</source>
        <translation>y inicial (ou Shift+clique em um painel). Números usam ponto decimal: 0.5</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="81"/>
        <source>Gradient noise σ: g̃ = ∇L + σξ, the same draw for every pane. Numbers use a decimal point: 0.5</source>
        <translation>Ruído do gradiente σ: g̃ = ∇L + σξ, o mesmo sorteio para todos os painéis. Números usam ponto decimal: 0.5</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="87"/>
        <source>Random seed for noise and minibatches (same seed, same run)</source>
        <translation>Semente aleatória do ruído e dos minibatches (mesma semente, mesma execução)</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="92"/>
        <source>full batch</source>
        <translation>lote completo</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="94"/>
        <source>Minibatch size (the landscapes with data: regression and network)</source>
        <translation>Tamanho do minibatch (as paisagens com dados: regressão e rede)</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="97"/>
        <source>Add pane</source>
        <translation>Adicionar painel</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="98"/>
        <source>Compare up to {count} optimizers side by side</source>
        <translation>Compare até {count} otimizadores lado a lado</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="100"/>
        <source>Remove pane</source>
        <translation>Remover painel</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="103"/>
        <source>same α in every pane</source>
        <translation>mesmo α em todos os painéis</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="105"/>
        <source>Changing α in an SGD, Momentum or Nesterov pane changes it in all three (a fair race). Adam, RMSprop and Adagrad keep their own α: for them it is a step length, not a force.</source>
        <translation>Mudar α em um painel SGD, Momentum ou Nesterov muda-o nos três (uma corrida justa). Adam, RMSprop e Adagrad mantêm o próprio α: para eles, é um comprimento de passo, não uma força.</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="110"/>
        <source>landscape</source>
        <translation>paisagem</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="111"/>
        <source>expression</source>
        <translation>expressão</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="113"/>
        <source>start x, y</source>
        <translation>ponto inicial x, y</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="114"/>
        <source>noise σ</source>
        <translation>ruído σ</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="115"/>
        <source>seed</source>
        <translation>semente</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="116"/>
        <source>batch size</source>
        <translation>tamanho do minibatch</translation>
    </message>
    <message>
        <location filename="../../app/qt/scenario_controls_widget.py" line="157"/>
        <source>Many seeds: every pane runs seeds 0–{last}</source>
        <translation>Muitas sementes: cada painel executa as sementes 0–{last}</translation>
    </message>
</context>
<context>
    <name>scenario errors</name>
    <message>
        <location filename="../../app/model/scenario.py" line="44"/>
        <source>{where} must be a number, got {value}</source>
        <translation>{where} deve ser um número, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="51"/>
        <source>{where} must be finite, got {value}</source>
        <translation>{where} deve ser finito, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="61"/>
        <source>{where} must be a whole number &gt;= {low}, got {value}</source>
        <translation>{where} deve ser um número inteiro &gt;= {low}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="63"/>
        <source>{where} must be a whole number between {low} and {high}, got {value}</source>
        <translation>{where} deve ser um número inteiro entre {low} e {high}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="85"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="87"/>
        <source>{where} must be {forms}, got {value}</source>
        <translation>{where} deve ser {forms}, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="90"/>
        <source>{label} in {where}</source>
        <translation>{label} em {where}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="96"/>
        <source>pane {number}: {problem}</source>
        <translation>painel {number}: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="102"/>
        <source>must be OptimizerSettings, got {value}</source>
        <translation>deve ser OptimizerSettings, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="157"/>
        <source>landscape must be a built-in name or an expression, got {value}</source>
        <translation>a paisagem deve ser o nome de uma paisagem embutida ou uma expressão, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="161"/>
        <source>landscape expression is too long (max {limit} chars)</source>
        <translation>a expressão da paisagem é longa demais (máx. {limit} caracteres)</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="165"/>
        <source>domain applies only to typed expressions, not the built-in {name}</source>
        <translation>domain vale apenas para expressões digitadas, não para a paisagem embutida {name}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="172"/>
        <source>domain must be [xmin, xmax, ymin, ymax] with xmin &lt; xmax and ymin &lt; ymax, got {value}</source>
        <translation>domain deve ser [xmin, xmax, ymin, ymax] com xmin &lt; xmax e ymin &lt; ymax, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="186"/>
        <source>start must be [x, y], got {value}</source>
        <translation>start deve ser [x, y], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="199"/>
        <source>a scenario needs 1 to {limit} panes, got {count}</source>
        <translation>um cenário precisa de 1 a {limit} painéis, recebido {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="204"/>
        <source>noise sigma</source>
        <translation>sigma do ruído</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="205"/>
        <source>seed</source>
        <translation>semente</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="207"/>
        <source>batch size</source>
        <translation>tamanho do minibatch</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="209"/>
        <source>seeds</source>
        <translation>sementes</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario.py" line="215"/>
        <source>title must be text, got {value}</source>
        <translation>title deve ser texto, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="75"/>
        <source>text {value} cannot be saved as UTF-8</source>
        <translation>o texto {value} não pode ser salvo como UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="86"/>
        <source>cannot save the non-finite number {number}</source>
        <translation>não é possível salvar o número não finito {number}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="142"/>
        <source>unknown key {key} (known: {known})</source>
        <translation>chave desconhecida {key} (conhecidas: {known})</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="148"/>
        <source>{key} is missing</source>
        <translation>falta {key}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="153"/>
        <source>must be a [[pane]] table, got {value}</source>
        <translation>deve ser uma tabela [[pane]], recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="163"/>
        <source>optimizer must be a name, got {value}</source>
        <translation>optimizer deve ser um nome, recebido {value}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="189"/>
        <source>{what} is too large (limit {limit} bytes)</source>
        <translation>{what} grande demais (limite de {limit} bytes)</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="192"/>
        <source>{what} is empty</source>
        <translation>{what} vazio</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="193"/>
        <source>not valid TOML: {reason}</source>
        <translation>TOML inválido: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="199"/>
        <source>nested too deeply</source>
        <translation>aninhamento profundo demais</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="202"/>
        <source>a whole number has more than {limit} digits</source>
        <translation>um número inteiro tem mais de {limit} dígitos</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="211"/>
        <location filename="../../app/model/scenario_file.py" line="287"/>
        <source>scenario file</source>
        <translation>arquivo de cenário</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="221"/>
        <source>not a Momentum Lab {kind} (format is missing)</source>
        <translation>não é um {kind} do Momentum Lab (falta format)</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="224"/>
        <source>unsupported format {value} (this version reads {version})</source>
        <translation>format {value} não suportado (esta versão lê {version})</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="231"/>
        <source>scenario</source>
        <translation>arquivo de cenário</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="236"/>
        <source>panes must be written as [[pane]] tables</source>
        <translation>os painéis devem ser escritos como tabelas [[pane]]</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="239"/>
        <source>a scenario needs 1 to {limit} [[pane]] tables, got {count}</source>
        <translation>um cenário precisa de 1 a {limit} tabelas [[pane]], recebido {count}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="254"/>
        <source>is a folder, not a {what}</source>
        <translation>é uma pasta, não um {what}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="257"/>
        <source>is not a regular file</source>
        <translation>não é um arquivo comum</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="259"/>
        <source>{what} is too large ({size} bytes; limit {limit})</source>
        <translation>{what} grande demais ({size} bytes; limite {limit})</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="265"/>
        <source>no such file</source>
        <translation>arquivo não encontrado</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="267"/>
        <source>cannot read: {reason}</source>
        <translation>não é possível ler: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="272"/>
        <source>not UTF-8 text (bad byte at offset {offset})</source>
        <translation>não é texto UTF-8 (byte inválido na posição {offset})</translation>
    </message>
    <message>
        <location filename="../../app/model/scenario_file.py" line="294"/>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="91"/>
        <source>Learning rate α (log scale): the force&apos;s strength</source>
        <translation>Taxa de aprendizado α (escala log): a intensidade da força</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="120"/>
        <source>Update rule for this pane</source>
        <translation>Regra de atualização deste painel</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="122"/>
        <source>Momentum μ: the fraction of velocity kept each step (friction 1 − μ)</source>
        <translation>Momentum μ: a fração da velocidade mantida a cada passo (atrito 1 − μ)</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="124"/>
        <source>β₁: the first-moment decay of Adam, AdamW and NAdam</source>
        <translation>β₁: o decaimento do primeiro momento do Adam, AdamW e NAdam</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="126"/>
        <source>β₂: the second-moment decay of Adam, AdamW and NAdam; ρ: the smoothing of RMSprop&apos;s and Adadelta&apos;s running averages</source>
        <translation>β₂: o decaimento do segundo momento do Adam, AdamW e NAdam; ρ: a suavização das médias móveis do RMSprop e do Adadelta</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="129"/>
        <source>AdamW&apos;s weight decay λ: each step the weights shrink by αλ of themselves, towards the origin</source>
        <translation>O decaimento de pesos λ do AdamW: a cada passo os pesos encolhem αλ de si mesmos, em direção à origem</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="136"/>
        <source>Change a hyperparameter as the run goes: the seed lecture anneals μ from 0.5 up to the μ above; α can decay in steps or along a cosine</source>
        <translation>Mudar um hiperparâmetro durante a execução: a aula aumenta μ de 0,5 até o μ acima; α pode decair em degraus ou ao longo de um cosseno</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="142"/>
        <source> steps</source>
        <translation> passos</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="144"/>
        <source>Length of the ramp or the cosine; interval of the step decay</source>
        <translation>Duração da rampa ou do cosseno; intervalo do decaimento em degraus</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="152"/>
        <source>optimizer</source>
        <translation>otimizador</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="155"/>
        <source>schedule</source>
        <translation>agenda</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="381"/>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="382"/>
        <source>μ ramp 0.5 → μ</source>
        <translation>rampa de μ 0,5 → μ</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="383"/>
        <source>α step decay ×½</source>
        <translation>α decai em degraus ×½</translation>
    </message>
    <message>
        <location filename="../../app/qt/optimizer_settings_widget.py" line="384"/>
        <source>α cosine decay</source>
        <translation>α decai em cosseno</translation>
    </message>
</context>
<context>
    <name>surface</name>
    <message>
        <location filename="../../app/qt/surface3d_widget.py" line="49"/>
        <source>the 3-D view needs OpenGL, which the offscreen platform does not provide</source>
        <translation>a visualização 3-D precisa de OpenGL, que a plataforma offscreen não oferece</translation>
    </message>
    <message>
        <location filename="../../app/qt/surface3d_widget.py" line="52"/>
        <source>the 3-D view needs PyOpenGL (pip install PyOpenGL)</source>
        <translation>a visualização 3-D precisa do PyOpenGL (pip install PyOpenGL)</translation>
    </message>
    <message>
        <location filename="../../app/qt/surface3d_widget.py" line="54"/>
        <source>the 3-D view needs OpenGL, and this display cannot create an OpenGL context</source>
        <translation>a visualização 3-D precisa de OpenGL, e esta tela não consegue criar um contexto OpenGL</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/qt/main_window.py" line="55"/>
        <source>Momentum Lab: a ball rolls over a loss landscape.&lt;br&gt;Momentum: p ← μp − αg, W ← W + p. μ is friction (1 − μ of the velocity is lost each step), α is the force.</source>
        <translation>Momentum Lab: uma bola rola sobre uma paisagem de perda.&lt;br&gt;Momentum: p ← μp − αg, W ← W + p. μ é o atrito (a cada passo perde-se 1 − μ da velocidade), α é a força.</translation>
    </message>
    <message>
        <location filename="../../app/qt/main_window.py" line="124"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../app/qt/main_window.py" line="178"/>
        <source>the window cannot show that scenario ({why}); the previous one stays</source>
        <translation>a janela não consegue mostrar esse cenário ({why}); o anterior permanece</translation>
    </message>
    <message>
        <location filename="../../app/qt/main_window.py" line="269"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/qt/main_window.py" line="275"/>
        <source>About Momentum Lab</source>
        <translation>Sobre o Momentum Lab</translation>
    </message>
    <message>
        <location filename="../../app/qt/compute_ahead.py" line="95"/>
        <source>Computing ahead: step {done} of {target} (End stops)</source>
        <translation>Calculando adiante: passo {done} de {target} (End para)</translation>
    </message>
    <message>
        <location filename="../../app/qt/compute_ahead.py" line="106"/>
        <source>Computing ahead stopped: {error}</source>
        <translation>O cálculo adiante parou: {error}</translation>
    </message>
    <message>
        <location filename="../../app/qt/compute_ahead.py" line="107"/>
        <source>Computed up to step {step}: the timeline reaches it</source>
        <translation>Calculado até o passo {step}: a linha do tempo chega até ele</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <location filename="../../app/model/workspace.py" line="203"/>
        <source>Many seeds: without noise (σ) or minibatches every seed runs the same path — set σ or a batch size</source>
        <extracomment>What &quot;Add pane&quot; brings next: Radford&apos;s six, in his order.</extracomment>
        <translation>Muitas sementes: sem ruído (σ) nem minibatches, todas as sementes fazem o mesmo caminho — defina σ ou um tamanho de lote</translation>
    </message>
</context>
</TS>
