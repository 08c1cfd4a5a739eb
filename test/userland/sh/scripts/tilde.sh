HOME=/my/home
echo ~
echo ~/sub
echo "~"
echo a~
