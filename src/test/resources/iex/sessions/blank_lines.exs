1 + 1

x = 5
   
# a comment only
[1,

2]
x
