printf 'tab\there\n'
printf '%b\n' 'with\tb'
printf 'percent %% sign\n'
printf '\101\102\n'
printf 'no newline'
echo
